package org.greenlane.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;

final class TaskGroups {

    private TaskGroups() {
    }

    /** The group a task is offered to: its one candidate group in the restart process. */
    static String of(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Task " + task.getTaskDefinitionKey()
                        + " has no candidate group"));
    }
}
