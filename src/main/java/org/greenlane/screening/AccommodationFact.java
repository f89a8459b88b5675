package org.greenlane.screening;

/**
 * A lodging site with how many of the roster are assigned to it, and how many other enterprises' live applications
 * (under review, awaiting decision or approved) use the same address.
 */
public final class AccommodationFact {

    private final String id;
    private final String name;
    private final String address;
    private final int capacity;
    private final int assignedWorkers;
    private final int otherEnterprisesAtSite;

    public AccommodationFact(String id, String name, String address, int capacity, int assignedWorkers,
                             int otherEnterprisesAtSite) {
        this.id = id;
        this.name = name;
        this.address = address;
        this.capacity = capacity;
        this.assignedWorkers = assignedWorkers;
        this.otherEnterprisesAtSite = otherEnterprisesAtSite;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getAssignedWorkers() {
        return assignedWorkers;
    }

    public int getOtherEnterprisesAtSite() {
        return otherEnterprisesAtSite;
    }
}
