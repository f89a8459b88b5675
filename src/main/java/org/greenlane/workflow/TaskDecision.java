package org.greenlane.workflow;

import static org.greenlane.workflow.ProcessVariables.COMMENT;
import static org.greenlane.workflow.ProcessVariables.DECISION;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What a member decided on a task, checked: one of the task's decisions, and a comment wherever a reason is owed.
 * A refusal leaves the task open; Tasklist shows its message.
 *
 * @param comment   stripped; empty when none was given
 * @param decidedBy the logged-in member, else the assignee
 */
public record TaskDecision(String value, String comment, String decidedBy) {

    /**
     * @param allowed        the decisions this task takes
     * @param withoutComment the decisions that need no comment
     */
    public static TaskDecision of(DelegateTask task, List<String> allowed, List<String> withoutComment) {
        Object decision = task.getVariable(DECISION);
        Object comment = task.getVariable(COMMENT);
        String text = comment == null ? "" : comment.toString().strip();
        if (!(decision instanceof String value) || !allowed.contains(value)) {
            throw new BadUserRequestException("decision must be one of " + allowed + ", not " + decision);
        }
        if (!withoutComment.contains(value) && text.isEmpty()) {
            throw new BadUserRequestException("comment is required to " + value
                    + " (cần ghi ý kiến cho quyết định " + value + ")");
        }
        return new TaskDecision(value, text, decidedBy(task));
    }

    private static String decidedBy(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
