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

    /** The statuses as the database holds them, for a query's {@code in} list. */
    public static List<String> names(List<ApplicationStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
