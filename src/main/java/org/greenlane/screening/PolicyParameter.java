package org.greenlane.screening;

/** One row of the policy parameters table: a named number the application criteria read. */
public final class PolicyParameter {

    private final String name;
    private final double value;

    public PolicyParameter(String name, double value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public double getValue() {
        return value;
    }
}
