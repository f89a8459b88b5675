package org.greenlane.screening;

import org.greenlane.system.Keys;

/** One row of the parks table: a park's name and whether it is OPEN or CLOSED. */
public final class IndustrialPark {

    private final String name;
    private final String key;
    private final String status;

    public IndustrialPark(String name, String status) {
        this.name = name;
        this.key = Keys.of(name);
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public String getKey() {
        return key;
    }

    public String getStatus() {
        return status;
    }
}
