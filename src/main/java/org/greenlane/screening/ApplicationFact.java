package org.greenlane.screening;

import org.greenlane.system.Keys;

/** The application as the application criteria see it, with the roster counts the worker criteria produced. */
public final class ApplicationFact {

    private final String enterpriseName;
    private final String industrialPark;
    private final String parkKey;
    private final int workerCount;
    private final int eligibleCount;

    public ApplicationFact(String enterpriseName, String industrialPark, int workerCount, int eligibleCount) {
        this.enterpriseName = enterpriseName;
        this.industrialPark = industrialPark;
        this.parkKey = Keys.of(industrialPark);
        this.workerCount = workerCount;
        this.eligibleCount = eligibleCount;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public String getIndustrialPark() {
        return industrialPark;
    }

    public String getParkKey() {
        return parkKey;
    }

    public int getWorkerCount() {
        return workerCount;
    }

    public int getEligibleCount() {
        return eligibleCount;
    }
}
