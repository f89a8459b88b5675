package org.greenlane.screening;

/** A worker shuttle, its passenger count and its driver's test and vaccination state at screening time. */
public final class ShuttleFact {

    private final String id;
    private final String plate;
    private final int seats;
    private final int passengers;
    private final String driverCitizenId;
    private final String driverName;
    private final double driverHoursSinceNegativePcr;
    private final int driverVaccinationDoses;

    public ShuttleFact(String id, String plate, int seats, int passengers, String driverCitizenId, String driverName,
                       double driverHoursSinceNegativePcr, int driverVaccinationDoses) {
        this.id = id;
        this.plate = plate;
        this.seats = seats;
        this.passengers = passengers;
        this.driverCitizenId = driverCitizenId;
        this.driverName = driverName;
        this.driverHoursSinceNegativePcr = driverHoursSinceNegativePcr;
        this.driverVaccinationDoses = driverVaccinationDoses;
    }

    public String getId() {
        return id;
    }

    public String getPlate() {
        return plate;
    }

    public int getSeats() {
        return seats;
    }

    public int getPassengers() {
        return passengers;
    }

    public String getDriverCitizenId() {
        return driverCitizenId;
    }

    public String getDriverName() {
        return driverName;
    }

    public double getDriverHoursSinceNegativePcr() {
        return driverHoursSinceNegativePcr;
    }

    public int getDriverVaccinationDoses() {
        return driverVaccinationDoses;
    }
}
