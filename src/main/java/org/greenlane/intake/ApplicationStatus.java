package org.greenlane.intake;

public enum ApplicationStatus {
    SCREENING, NEEDS_CORRECTION, UNDER_REVIEW, AWAITING_DECISION, APPROVED, REJECTED, EXPIRED, SUSPENDED, REVOKED;

    /** Statuses whose lodging sites count as taken for "one site, one enterprise". */
    public static final java.util.List<ApplicationStatus> HOLDING_SITES = java.util.List.of(UNDER_REVIEW,
            AWAITING_DECISION, APPROVED, SUSPENDED);
}
