package org.greenlane.workflow;

import static org.greenlane.workflow.ProcessVariables.COMMENT;
import static org.greenlane.workflow.ProcessVariables.DECISION;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What a member decided on a task, checked against what the task's BPMN offers ({@link TaskInputs}). Over HTTP a
 * wrong decision never gets this far ({@link TaskCompletionGuard}); this refuses it from the Java API too, and the
 * task stays open.
 *
 * @param comment   stripped; empty when none was given
 * @param decidedBy the logged-in member, else the assignee
 */
public record TaskDecision(String value, String comment, String decidedBy) {

    public static TaskDecision of(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        String comment = TaskInputs.comment(task.getVariable(COMMENT));
        TaskInputs.of((UserTask) task.getBpmnModelElementInstance()).decisionProblem(decision, comment)
                .ifPresent(problem -> {
                    throw new BadUserRequestException(problem.field() + ": " + problem.message());
                });
        return new TaskDecision((String) decision, comment, decidedBy(task));
    }

    private static String decidedBy(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
