package org.greenlane.screening;

import org.greenlane.system.Keys;

/**
 * A worker as the worker criteria see them: ages of tests and contacts measured at screening time, so that every
 * threshold stays in the rule files. An age is {@link #NEVER} when there is no such test or contact.
 */
public final class ScreenedWorker {

    public static final double NEVER = Double.MAX_VALUE;

    private final int index;
    private final String citizenId;
    private final String districtKey;
    private final String communeKey;
    private final double hoursSinceNegativePcr;
    private final double hoursSinceNegativeRapidAntigen;
    private final double daysSincePositive;
    private final double daysSinceCloseContact;
    private final int vaccinationDoses;

    public ScreenedWorker(int index, String citizenId, String district, String commune, double hoursSinceNegativePcr,
                          double hoursSinceNegativeRapidAntigen, double daysSincePositive, double daysSinceCloseContact,
                          int vaccinationDoses) {
        this.index = index;
        this.citizenId = citizenId;
        this.districtKey = Keys.of(district);
        this.communeKey = Keys.of(commune);
        this.hoursSinceNegativePcr = hoursSinceNegativePcr;
        this.hoursSinceNegativeRapidAntigen = hoursSinceNegativeRapidAntigen;
        this.daysSincePositive = daysSincePositive;
        this.daysSinceCloseContact = daysSinceCloseContact;
        this.vaccinationDoses = vaccinationDoses;
    }

    public int getIndex() {
        return index;
    }

    public String getCitizenId() {
        return citizenId;
    }

    public String getDistrictKey() {
        return districtKey;
    }

    public String getCommuneKey() {
        return communeKey;
    }

    public double getHoursSinceNegativePcr() {
        return hoursSinceNegativePcr;
    }

    public double getHoursSinceNegativeRapidAntigen() {
        return hoursSinceNegativeRapidAntigen;
    }

    public double getDaysSincePositive() {
        return daysSincePositive;
    }

    public double getDaysSinceCloseContact() {
        return daysSinceCloseContact;
    }

    public int getVaccinationDoses() {
        return vaccinationDoses;
    }
}
