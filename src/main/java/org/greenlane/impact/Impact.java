package org.greenlane.impact;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.ApplicationStore.WithDocument;
import org.greenlane.permit.ApprovedWorkers;
import org.greenlane.permit.Permits;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningDifference;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.system.Keys;
import org.springframework.stereotype.Component;

/**
 * Every live application screened now under the active rule set and another one, and what differs: a rule
 * change's consequences before it is made. Documents are read a page at a time and screened on every core; only
 * each application's figures and changed workers are kept. Nothing is stored.
 */
@Component
class Impact {

    /** Documents held at once: a page of the largest rosters stays within the heap. */
    private static final int PAGE = 32;

    private final ApplicationStore applications;
    private final ActiveRuleSet rules;
    private final Screening screening;
    private final Permits permits;
    private final ApprovedWorkers approvedWorkers;
    private final Clock clock;

    Impact(ApplicationStore applications, ActiveRuleSet rules, Screening screening, Permits permits,
           ApprovedWorkers approvedWorkers, Clock clock) {
        this.applications = applications;
        this.rules = rules;
        this.screening = screening;
        this.permits = permits;
        this.approvedWorkers = approvedWorkers;
        this.clock = clock;
    }

    ImpactReport of(ScreeningRules compared) {
        ScreeningRules active = rules.get();
        List<ImpactReport.Application> impacts = new ArrayList<>();
        List<String> live = applications.liveIds();
        for (int from = 0; from < live.size(); from += PAGE) {
            List<WithDocument> page = applications.withDocuments(live.subList(from, Math.min(from + PAGE, live.size())));
            impacts.addAll(page.parallelStream().map(each -> impactOf(each, active, compared)).toList());
        }
        Map<String, String> parkNames = new LinkedHashMap<>();
        Map<String, ImpactReport.Totals> parks = new LinkedHashMap<>();
        ImpactReport.Totals province = ImpactReport.Totals.NONE;
        for (ImpactReport.Application impact : impacts) {
            String key = Keys.of(impact.park());
            parkNames.putIfAbsent(key, impact.park());
            parks.merge(key, ImpactReport.Totals.NONE.plus(impact), (a, b) -> a.plus(impact));
            province = province.plus(impact);
        }
        List<ImpactReport.Park> byPark = parks.entrySet().stream()
                .map(park -> new ImpactReport.Park(parkNames.get(park.getKey()), park.getValue()))
                .sorted(Comparator.comparing(ImpactReport.Park::name)).toList();
        impacts.sort(Comparator.comparingInt(Impact::weight).reversed().thenComparing(ImpactReport.Application::id));
        return new ImpactReport(active.version(), compared.version(), clock.instant(), province, byPark, impacts);
    }

    private ImpactReport.Application impactOf(WithDocument live, ScreeningRules active, ScreeningRules compared) {
        var stored = live.application();
        List<ScreeningResult> results = screening.screen(List.of(active, compared), live.document());
        ScreeningResult before = results.get(0);
        ScreeningResult after = results.get(1);
        ScreeningDifference difference = ScreeningDifference.of(before, after);
        List<Finding> newBlockers = difference.findingsAdded().stream().filter(Finding::isBlocker).toList();
        boolean approved = stored.status() == ApplicationStatus.APPROVED;
        boolean suspends = approved && after.hasBlockers();
        // workers a permit lets work, as the dashboard counts them: none while it is suspended
        Integer approvedBefore = permits.approvedWorkers(stored.id()).map(count -> approved ? count : 0).orElse(null);
        Integer approvedAfter = approvedBefore == null ? null
                : approved && !suspends ? approvedWorkers.countUnder(stored.id(), after) : 0;
        return new ImpactReport.Application(stored.id(), stored.taxCode(), stored.enterpriseName(),
                stored.industrialPark(), stored.status(), stored.workerCount(), before.eligibleCount(),
                after.eligibleCount(), approvedBefore, approvedAfter,
                difference.workersChanged().stream().filter(ScreeningDifference.WorkerChange::losesEligibility).toList(),
                difference.workersChanged().stream().filter(ScreeningDifference.WorkerChange::gainsEligibility).toList(),
                difference.findingsAdded(), difference.findingsRemoved(), newBlockers,
                suspends ? ApplicationStatus.SUSPENDED : null);
    }

    /** The most affected first: a suspension, then new blockers, then the workers whose eligibility moves. */
    private static int weight(ImpactReport.Application impact) {
        return (impact.suspended() ? 1_000_000 : 0) + (impact.newBlockers().isEmpty() ? 0 : 100_000)
                + impact.losing().size() + impact.gaining().size();
    }
}
