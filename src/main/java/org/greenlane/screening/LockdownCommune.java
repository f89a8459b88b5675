package org.greenlane.screening;

import org.greenlane.system.Keys;

/** One row of the lockdown list: a commune whose residents may not return to work. */
public final class LockdownCommune {

    private final String district;
    private final String commune;
    private final String districtKey;
    private final String communeKey;

    public LockdownCommune(String district, String commune) {
        this.district = district;
        this.commune = commune;
        this.districtKey = Keys.of(district);
        this.communeKey = Keys.of(commune);
    }

    public String getDistrict() {
        return district;
    }

    public String getCommune() {
        return commune;
    }

    public String getDistrictKey() {
        return districtKey;
    }

    public String getCommuneKey() {
        return communeKey;
    }
}
