package org.greenlane.permit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.timeline.Timeline;
import org.greenlane.workflow.TaskDecision;
import org.springframework.stereotype.Component;

/** Checks and records the steering committee's resume-or-revoke decision on a permit new rules block. */
@Component("recordRuleBlockerDecisionListener")
class RecordRuleBlockerDecisionListener implements TaskListener {

    private final Timeline timeline;

    RecordRuleBlockerDecisionListener(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskDecision decision = TaskDecision.of(task);
        timeline.record(task.getExecution().getProcessBusinessKey(), "RULE_BLOCKER_" + decision.value(),
                decision.decidedBy(), decision.comment().isEmpty() ? null : decision.comment());
    }
}
