package org.greenlane.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;

final class TaskGroups {

    private TaskGroups() {
    }

    /**
     * The group a task is offered to: its one candidate group in the BPMN. Read from the model, not from the
     * task's identity links, which a concurrent completion may already have removed.
     */
    static String of(DelegateTask task) {
        UserTask definition = (UserTask) task.getBpmnModelElementInstance();
        String group = definition == null ? null : definition.getCamundaCandidateGroups();
        if (group == null || group.isBlank() || group.contains(",")) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " needs exactly one candidate group");
        }
        return group.strip();
    }
}
