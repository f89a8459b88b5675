package org.greenlane.review;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.application.ApplicationStore;
import org.greenlane.timeline.Timeline;
import org.greenlane.workflow.TaskDecision;
import org.springframework.stereotype.Component;

/**
 * Checks and records a member's decision when the task completes. A refused decision leaves the task open
 * (Tasklist and the REST API answer 400 with the reason).
 */
@Component("recordDecisionListener")
class RecordDecisionListener implements TaskListener {

    private final ApplicationStore applications;
    private final ReviewStore reviews;
    private final Escalations escalations;
    private final Timeline timeline;
    private final Clock clock;

    RecordDecisionListener(ApplicationStore applications, ReviewStore reviews, Escalations escalations,
                           Timeline timeline, Clock clock) {
        this.applications = applications;
        this.escalations = escalations;
        this.reviews = reviews;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String group = TaskGroups.of(task);
        TaskDecision decision = TaskDecision.of(task);
        String value = decision.value();
        String comment = decision.comment();
        String decidedBy = decision.decidedBy();
        String id = task.getExecution().getProcessBusinessKey();
        reviews.record(id, applications.get(id).reviewRound(), group, value, comment.isEmpty() ? null : comment,
                decidedBy, clock.instant());
        escalations.resolve(task.getId(), clock.instant());
        timeline.record(id, "DECISION", decidedBy, group + ": " + value + (comment.isEmpty() ? "" : " — " + comment));
    }
}
