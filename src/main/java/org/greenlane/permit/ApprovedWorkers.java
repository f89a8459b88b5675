package org.greenlane.permit;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.greenlane.application.ApplicationDocument;
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
 * infection case isolates, less those whose re-test has lapsed. One computation for every change, and the one place
 * a permit is issued again: when its count changes, when it resumes, and when new test results renew it.
 */
@Component
public class ApprovedWorkers {

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final InfectionCases cases;
    private final RetestChecks retestChecks;
    private final ActiveRuleSet rules;
    private final Screening screening;
    private final Permits permits;
    private final PermitIssuer issuer;
    private final Timeline timeline;
    private final Clock clock;

    ApprovedWorkers(ApplicationStore applications, ScreeningStore screenings, InfectionCases cases,
                    RetestChecks retestChecks, ActiveRuleSet rules, Screening screening, Permits permits,
                    PermitIssuer issuer, Timeline timeline, Clock clock) {
        this.applications = applications;
        this.screenings = screenings;
        this.cases = cases;
        this.retestChecks = retestChecks;
        this.rules = rules;
        this.screening = screening;
        this.permits = permits;
        this.issuer = issuer;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Runs the re-testing check on the application's stored document (the daily timer). */
    RetestChecks.RetestCheck checkRetesting(String id, boolean newResults) {
        return checkRetesting(id, applications.document(id), newResults);
    }

    /**
     * Runs the re-testing rules over the approved, not isolated workers, keeps the result and recounts.
     *
     * @param document   the application's document as stored now
     * @param newResults the enterprise has just posted test results: the permit is issued again, valid for a new
     *                   interval, whether or not its count changed
     */
    RetestChecks.RetestCheck checkRetesting(String id, ApplicationDocument document, boolean newResults) {
        Set<String> present = present(id, screenings.latest(id).orElseThrow());
        List<Finding> lapsed = screening.retest(rules.get(), document, present);
        retestChecks.save(id, clock.instant(), lapsed);
        update(id, withoutLapsed(present, lapsed), (newResults ? "new test results, " : "")
                + "re-testing check: " + lapsed.size() + " lapsed", newResults);
        return retestChecks.of(id).orElseThrow();
    }

    /**
     * Sets the permit's count to what this screening, just kept as the latest, the open cases and the re-tests allow
     * now; a changed count is a new issue of the permit.
     */
    public void recount(String id, ScreeningResult latest, String why) {
        update(id, countUnder(id, latest), why, false);
    }

    /** Recounts, and issues the permit again whatever the count: a suspension is lifted. */
    void resume(String id) {
        update(id, countUnder(id, screenings.latest(id).orElseThrow()), "permit resumed", true);
    }

    private void update(String id, int approved, String why, boolean reissue) {
        int counted = permits.approvedWorkers(id)
                .orElseThrow(() -> new IllegalStateException("Application " + id + " has no permit"));
        if (counted != approved) {
            permits.setApprovedWorkers(id, approved);
            timeline.record(id, "PERMIT_RECOUNTED", "system",
                    counted + " → " + approved + " approved workers (" + why + ")");
        }
        if (reissue || counted != approved) {
            issuer.issue(id, why);
        }
    }

    /** How many workers the permit would count with this screening: its eligible, less isolated and lapsed. */
    public int countUnder(String id, ScreeningResult result) {
        List<Finding> lapsed = retestChecks.of(id).map(RetestChecks.RetestCheck::lapsed).orElse(List.of());
        return withoutLapsed(present(id, result), lapsed);
    }

    /** The screening's eligible workers that no open case isolates. */
    private Set<String> present(String id, ScreeningResult result) {
        Set<String> present = eligible(result);
        present.removeAll(isolated(id));
        return present;
    }

    private static int withoutLapsed(Set<String> present, List<Finding> lapsed) {
        Set<String> subjects = lapsed.stream().map(Finding::subject).collect(Collectors.toSet());
        return (int) present.stream().filter(worker -> !subjects.contains(worker)).count();
    }

    private Set<String> isolated(String id) {
        return cases.of(id).stream().filter(found -> !"REVOKE".equals(found.resolution()))
                .flatMap(found -> found.isolated().stream()).collect(Collectors.toSet());
    }

    private static Set<String> eligible(ScreeningResult result) {
        Set<String> eligible = new LinkedHashSet<>();
        result.workers().stream().filter(ScreeningResult.WorkerEligibility::eligible)
                .map(ScreeningResult.WorkerEligibility::citizenId).forEach(eligible::add);
        return eligible;
    }
}
