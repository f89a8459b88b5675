package org.greenlane.screening;

/** A worker with no accommodation (who commutes), and the shuttle they ride, if any. */
public final class CommuterFact {

    private final String citizenId;
    private final String fullName;
    private final String shuttleId;

    public CommuterFact(String citizenId, String fullName, String shuttleId) {
        this.citizenId = citizenId;
        this.fullName = fullName;
        this.shuttleId = shuttleId;
    }

    public String getCitizenId() {
        return citizenId;
    }

    public String getFullName() {
        return fullName;
    }

    public String getShuttleId() {
        return shuttleId;
    }
}
