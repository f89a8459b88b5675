package org.greenlane.screening;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStore;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.Keys;
import org.springframework.stereotype.Component;

/**
 * The server's one way into screening: an application's document screened with a rule set now, with what the
 * rules need from outside the document looked up (the other enterprises lodging at its addresses); and the
 * re-testing check after approval. {@link Screener} does the screening itself, from facts alone.
 */
@Component
public class Screening {

    private final Screener screener;
    private final ApplicationStore applications;
    private final Clock clock;
    private final Timer screeningTime;
    private final DistributionSummary screenedWorkers;

    Screening(ApplicationStore applications, GreenlaneProperties properties, Clock clock, MeterRegistry meters) {
        this.screener = new Screener(properties.zone());
        this.applications = applications;
        this.clock = clock;
        this.screeningTime = Timer.builder("greenlane.screening.duration").description("Time to screen an application")
                .register(meters);
        this.screenedWorkers = DistributionSummary.builder("greenlane.screening.workers")
                .description("Workers on a screened roster").register(meters);
    }

    public ScreeningResult screen(ScreeningRules rules, ApplicationDocument document) {
        return screen(List.of(rules), document).get(0);
    }

    /** The same document under each rule set, at one instant and with one look-up, so the results compare. */
    public List<ScreeningResult> screen(List<ScreeningRules> ruleSets, ApplicationDocument document) {
        Set<String> addresses = document.accommodations().stream().map(site -> Keys.of(site.address()))
                .collect(Collectors.toSet());
        Map<String, Integer> sharing = applications.otherEnterprisesAt(addresses, document.enterprise().taxCode());
        Instant now = clock.instant();
        return ruleSets.stream().map(rules -> {
            screenedWorkers.record(document.workers().size());
            return screeningTime.record(() -> screener.screen(rules, document, sharing, now));
        }).toList();
    }

    /** Each of these approved workers whose latest negative test the rules find too old, as a finding. */
    public List<Finding> retest(ScreeningRules rules, ApplicationDocument document, Set<String> approved) {
        return screener.retest(rules, document, approved, clock.instant());
    }

    /** A number of the rule set's policy parameters table ({@code retest-interval-days}); empty without its row. */
    public OptionalDouble policyParameter(ScreeningRules rules, String name) {
        return screener.policyParameter(rules, name);
    }
}
