package org.greenlane.review;

import static org.greenlane.workflow.ProcessVariables.COMMENT;
import static org.greenlane.workflow.ProcessVariables.DECISION;

import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.greenlane.intake.ApplicationStore;
import org.greenlane.timeline.Timeline;
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
        Object decision = task.getVariable(DECISION);
        Object commentValue = task.getVariable(COMMENT);
        String comment = commentValue == null ? "" : commentValue.toString().strip();
        if (!(decision instanceof String value) || !WorkingGroups.decisionsOf(group).contains(value)) {
            throw new BadUserRequestException("decision must be one of " + WorkingGroups.decisionsOf(group)
                    + ", not " + decision);
        }
        if (!"APPROVE".equals(value) && comment.isEmpty()) {
            throw new BadUserRequestException("comment is required to " + value
                    + " (cần ghi ý kiến khi yêu cầu bổ sung hoặc từ chối)");
        }
        String id = task.getExecution().getProcessBusinessKey();
        String decidedBy = decidedBy(task);
        reviews.record(id, applications.get(id).reviewRound(), group, value, comment.isEmpty() ? null : comment,
                decidedBy, clock.instant());
        escalations.resolve(task.getId(), clock.instant());
        timeline.record(id, "DECISION", decidedBy, group + ": " + value + (comment.isEmpty() ? "" : " — " + comment));
    }

    private static String decidedBy(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
