package org.greenlane.screening;

/** An approved worker at a re-testing check: how long ago their latest negative test (any type) was sampled. */
public final class RetestedWorker {

    private final String citizenId;
    private final String fullName;
    private final double daysSinceNegativeTest;

    public RetestedWorker(String citizenId, String fullName, double daysSinceNegativeTest) {
        this.citizenId = citizenId;
        this.fullName = fullName;
        this.daysSinceNegativeTest = daysSinceNegativeTest;
    }

    public String getCitizenId() {
        return citizenId;
    }

    public String getFullName() {
        return fullName;
    }

    public double getDaysSinceNegativeTest() {
        return daysSinceNegativeTest;
    }
}
