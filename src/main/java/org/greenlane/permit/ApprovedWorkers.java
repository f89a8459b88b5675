package org.greenlane.permit;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.greenlane.application.ApplicationStore;
import org.greenlane.infection.InfectionCases;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/**
 * The permit's approved worker count after approval: the workers screening found eligible, less those an
 * infection case isolates, less those whose re-test has lapsed. One computation for every change.
 */
@Component
class ApprovedWorkers {

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final InfectionCases cases;
    private final RetestChecks retestChecks;
    private final ActiveRuleSet rules;
    private final Screening screening;
    private final Permits permits;
    private final Timeline timeline;
    private final Clock clock;

    ApprovedWorkers(ApplicationStore applications, ScreeningStore screenings, InfectionCases cases,
                    RetestChecks retestChecks, ActiveRuleSet rules, Screening screening, Permits permits,
                    Timeline timeline, Clock clock) {
        this.applications = applications;
        this.screenings = screenings;
        this.cases = cases;
        this.retestChecks = retestChecks;
        this.rules = rules;
        this.screening = screening;
        this.permits = permits;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Runs the re-testing rules over the approved, not isolated workers, keeps the result and recounts. */
    RetestChecks.RetestCheck checkRetesting(String id) {
        Set<String> present = eligibleNotIsolated(id);
        List<Finding> lapsed = screening.retest(rules.get(), applications.document(id), present);
        retestChecks.save(id, clock.instant(), lapsed);
        recount(id, "re-testing check: " + lapsed.size() + " lapsed");
        return retestChecks.of(id).orElseThrow();
    }

    void recount(String id, String why) {
        Set<String> approved = eligibleNotIsolated(id);
        retestChecks.of(id).ifPresent(check -> check.lapsed().forEach(finding -> approved.remove(finding.subject())));
        var permit = permits.of(id).orElseThrow(() -> new IllegalStateException("Application " + id + " has no permit"));
        if (permit.approvedWorkers() != approved.size()) {
            permits.setApprovedWorkers(id, approved.size());
            timeline.record(id, "PERMIT_RECOUNTED", "system",
                    permit.approvedWorkers() + " → " + approved.size() + " approved workers (" + why + ")");
        }
    }

    private Set<String> eligibleNotIsolated(String id) {
        Set<String> isolated = cases.of(id).stream().filter(found -> !"REVOKE".equals(found.resolution()))
                .flatMap(found -> found.isolated().stream()).collect(Collectors.toSet());
        Set<String> present = new LinkedHashSet<>();
        screenings.latest(id).orElseThrow().workers().stream().filter(ScreeningResult.WorkerEligibility::eligible)
                .map(ScreeningResult.WorkerEligibility::citizenId).filter(worker -> !isolated.contains(worker))
                .forEach(present::add);
        return present;
    }
}
