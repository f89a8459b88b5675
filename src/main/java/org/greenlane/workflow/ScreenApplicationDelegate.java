package org.greenlane.workflow;

import java.time.Clock;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.rules.ActiveRuleSet;
import org.greenlane.screening.Keys;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.screening.Screener;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/** Screens the stored application with the rule set active now, keeps the result and tells the process. */
@Component("screenApplicationDelegate")
class ScreenApplicationDelegate implements JavaDelegate {

    private final ApplicationStore applications;
    private final ActiveRuleSet rules;
    private final Screener screener;
    private final ScreeningStore screenings;
    private final Timeline timeline;
    private final Clock clock;

    ScreenApplicationDelegate(ApplicationStore applications, ActiveRuleSet rules, Screener screener,
                              ScreeningStore screenings, Timeline timeline, Clock clock) {
        this.applications = applications;
        this.rules = rules;
        this.screener = screener;
        this.screenings = screenings;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        var stored = applications.get(id);
        var document = applications.document(id);
        var addressKeys = document.accommodations().stream().map(a -> Keys.of(a.address()))
                .collect(Collectors.toSet());
        ScreeningResult result = screener.screen(rules.get(), document,
                applications.otherEnterprisesAt(addressKeys, stored.taxCode()), clock.instant());
        screenings.save(id, stored.revision(), result);
        long blockers = result.findings().stream().filter(f -> f.isBlocker()).count();
        timeline.record(id, "SCREENED", "system", String.format(
                "rule set %s: %d/%d workers eligible, %d blocker(s)", result.ruleSetVersion(), result.eligibleCount(),
                result.workerCount(), blockers));
        execution.setVariable(ProcessVariables.HAS_BLOCKERS, result.hasBlockers());
    }
}
