package org.greenlane.application;

import java.util.List;

public enum ApplicationStatus {
    SCREENING, NEEDS_CORRECTION, UNDER_REVIEW, AWAITING_DECISION, APPROVED, REJECTED, EXPIRED, SUSPENDED, REVOKED;

    /** Applications a rule change can still concern: in review, awaiting a correction, or with a permit. */
    public static final List<ApplicationStatus> LIVE = List.of(UNDER_REVIEW, AWAITING_DECISION, NEEDS_CORRECTION,
            APPROVED, SUSPENDED);

    /** Statuses whose lodging sites count as taken for "one site, one enterprise". */
    public static final List<ApplicationStatus> HOLDING_SITES = List.of(UNDER_REVIEW, AWAITING_DECISION, APPROVED,
            SUSPENDED);
}
