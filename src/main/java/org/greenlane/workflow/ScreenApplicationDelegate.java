package org.greenlane.workflow;

import java.time.Clock;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final Timer screeningTime;
    private final DistributionSummary screenedWorkers;

    ScreenApplicationDelegate(ApplicationStore applications, ActiveRuleSet rules, Screener screener,
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

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        var stored = applications.get(id);
        var document = applications.document(id);
        var addressKeys = document.accommodations().stream().map(a -> Keys.of(a.address()))
                .collect(Collectors.toSet());
        var sharing = applications.otherEnterprisesAt(addressKeys, stored.taxCode());
        ScreeningResult result = screeningTime.record(() -> screener.screen(rules.get(), document, sharing,
                clock.instant()));
        screenedWorkers.record(result.workerCount());
        screenings.save(id, stored.revision(), result);
        long blockers = result.findings().stream().filter(f -> f.isBlocker()).count();
        timeline.record(id, "SCREENED", "system", String.format(
                "rule set %s: %d/%d workers eligible, %d blocker(s)", result.ruleSetVersion(), result.eligibleCount(),
                result.workerCount(), blockers));
        execution.setVariable(ProcessVariables.HAS_BLOCKERS, result.hasBlockers());
    }
}
