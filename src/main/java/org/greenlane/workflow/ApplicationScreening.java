package org.greenlane.workflow;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.greenlane.intake.ApplicationDocument;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.intake.StoredApplication;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Keys;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.screening.Screener;
import org.greenlane.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Screens an application with the rule set active now and keeps the result and its timeline entry. A new
 * submission is screened in its own transaction, so that its process starts straight at the review; a correction,
 * or a submission the rules failed on, is screened by the process's asynchronous screening task, which the engine
 * retries and then reports as an incident.
 */
@Component
class ApplicationScreening {

    private static final Logger log = LoggerFactory.getLogger(ApplicationScreening.class);

    private final ApplicationStore applications;
    private final ActiveRuleSet rules;
    private final Screener screener;
    private final ScreeningStore screenings;
    private final Timeline timeline;
    private final Clock clock;
    private final Timer screeningTime;
    private final DistributionSummary screenedWorkers;

    ApplicationScreening(ApplicationStore applications, ActiveRuleSet rules, Screener screener,
                         ScreeningStore screenings, Timeline timeline, Clock clock, MeterRegistry meters) {
        this.applications = applications;
        this.rules = rules;
        this.screener = screener;
        this.screenings = screenings;
        this.timeline = timeline;
        this.clock = clock;
        this.screeningTime = Timer.builder("greenlane.screening.duration").description("Time to screen an application")
                .register(meters);
        this.screenedWorkers = DistributionSummary.builder("greenlane.screening.workers")
                .description("Workers on a screened roster").register(meters);
    }

    /** Screens the stored document of the application: whether the screening found blockers. */
    boolean screenStored(String id) {
        StoredApplication stored = applications.get(id);
        ApplicationDocument document = applications.document(id);
        return keep(stored, screen(document, sharedSites(stored, document)));
    }

    /**
     * Screens a document just stored by the submitting transaction. Empty when the rules fail on it: the
     * submission still stands and the process's screening task tries again.
     */
    Optional<Boolean> screenSubmitted(String id, ApplicationDocument document) {
        StoredApplication stored = applications.get(id);
        Map<String, Integer> sharing = sharedSites(stored, document);
        ScreeningResult result;
        try {
            result = screen(document, sharing);
        } catch (RuntimeException e) {
            log.warn("Screening at submission failed; the process screens the application again", e);
            return Optional.empty();
        }
        return Optional.of(keep(stored, result));
    }

    private Map<String, Integer> sharedSites(StoredApplication stored, ApplicationDocument document) {
        var addressKeys = document.accommodations().stream().map(a -> Keys.of(a.address()))
                .collect(Collectors.toSet());
        return applications.otherEnterprisesAt(addressKeys, stored.taxCode());
    }

    private ScreeningResult screen(ApplicationDocument document, Map<String, Integer> sharing) {
        return screeningTime.record(() -> screener.screen(rules.get(), document, sharing, clock.instant()));
    }

    private boolean keep(StoredApplication stored, ScreeningResult result) {
        screenedWorkers.record(result.workerCount());
        screenings.save(stored.id(), stored.revision(), result);
        long blockers = result.findings().stream().filter(f -> f.isBlocker()).count();
        timeline.record(stored.id(), "SCREENED", "system", String.format(
                "rule set %s: %d/%d workers eligible, %d blocker(s)", result.ruleSetVersion(), result.eligibleCount(),
                result.workerCount(), blockers));
        return result.hasBlockers();
    }
}
