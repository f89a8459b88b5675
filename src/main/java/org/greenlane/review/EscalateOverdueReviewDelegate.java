package org.greenlane.review;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/**
 * Fired by a review task's due-date timer (non-interrupting: the group keeps its task). Raises every overdue
 * review task of the application to the steering committee, once each.
 */
@Component("escalateOverdueReviewDelegate")
class EscalateOverdueReviewDelegate implements JavaDelegate {

    private final Escalations escalations;
    private final Timeline timeline;
    private final Clock clock;

    EscalateOverdueReviewDelegate(Escalations escalations, Timeline timeline, Clock clock) {
        this.escalations = escalations;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        Date now = Date.from(clock.instant());
        var overdue = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).dueBefore(new Date(now.getTime() + 1000)).list();
        for (Task task : overdue) {
            String group = WorkingGroups.REVIEWING.stream()
                    .filter(candidate -> task.getTaskDefinitionKey().equalsIgnoreCase("review" + candidate))
                    .findFirst().orElse(null);
            if (group != null && escalations.raise(id, task.getId(), group, task.getDueDate().toInstant(),
                    clock.instant())) {
                timeline.record(id, "ESCALATED", "system", group + ": review overdue since " + task.getDueDate()
                        .toInstant());
            }
        }
    }
}
