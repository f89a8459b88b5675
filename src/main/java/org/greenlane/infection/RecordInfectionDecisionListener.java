package org.greenlane.infection;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.timeline.Timeline;
import org.greenlane.workflow.TaskDecision;
import org.springframework.stereotype.Component;

/** Checks and records the health group's resume-or-revoke decision on an infection case. */
@Component("recordInfectionDecisionListener")
class RecordInfectionDecisionListener implements TaskListener {

    private final InfectionCases cases;
    private final Timeline timeline;
    private final Clock clock;

    RecordInfectionDecisionListener(InfectionCases cases, Timeline timeline, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision = TaskDecision.of(task);
        String value = decision.value();
        String comment = decision.comment();
        String decidedBy = decision.decidedBy();
        String id = task.getExecution().getProcessBusinessKey();
        cases.resolve(id, value, decidedBy, clock.instant());
        timeline.record(id, "INCIDENT_" + value, decidedBy, comment.isEmpty() ? null : comment);
    }
}
