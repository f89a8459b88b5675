package org.greenlane.reporting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The province's targets for workers back at work ({@code greenlane.reporting.targets}).
 *
 * @param targets by each date, at least (or, with {@code strictlyAbove}, more than) that many approved workers
 */
@ConfigurationProperties("greenlane.reporting")
record ReportingProperties(List<Target> targets) {

    ReportingProperties {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * @param by            the last day the target counts for
     * @param workers       the number of approved workers
     * @param strictlyAbove the target is "more than" rather than "at least"
     * @param descriptionVi what the province said, in Vietnamese, for the dashboard
     * @param descriptionEn the same in English, with English number formats
     */
    record Target(LocalDate by, int workers, boolean strictlyAbove, String descriptionVi, String descriptionEn) {
    }
}
