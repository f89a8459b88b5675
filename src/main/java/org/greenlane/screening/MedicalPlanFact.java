package org.greenlane.screening;

/** The enterprise's medical plan. */
public final class MedicalPlanFact {

    private final int medicalStaff;
    private final boolean isolationRoom;
    private final boolean bufferZone;
    private final String infectionResponsePlan;

    public MedicalPlanFact(int medicalStaff, boolean isolationRoom, boolean bufferZone, String infectionResponsePlan) {
        this.medicalStaff = medicalStaff;
        this.isolationRoom = isolationRoom;
        this.bufferZone = bufferZone;
        this.infectionResponsePlan = infectionResponsePlan == null ? "" : infectionResponsePlan.strip();
    }

    public int getMedicalStaff() {
        return medicalStaff;
    }

    public boolean isIsolationRoom() {
        return isolationRoom;
    }

    public boolean isBufferZone() {
        return bufferZone;
    }

    public String getInfectionResponsePlan() {
        return infectionResponsePlan;
    }

    public boolean isResponsePlanBlank() {
        return infectionResponsePlan.isEmpty();
    }
}
