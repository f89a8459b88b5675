package org.greenlane.review;

import static org.greenlane.workflow.ProcessVariables.ENTERPRISE_NAME;
import static org.greenlane.workflow.ProcessVariables.INDUSTRIAL_PARK;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.application.ApplicationStore;
import org.springframework.stereotype.Component;

/**
 * Gives a new task the two variables its card in Tasklist's list shows ({@link TaskFilters}): task-local, because a
 * member may read the variables of the tasks offered to the group and of nothing else. The forms show them too.
 */
@Component("taskCard")
class TaskCard implements TaskListener {

    private final ApplicationStore applications;

    TaskCard(ApplicationStore applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        var application = applications.get(task.getExecution().getProcessBusinessKey());
        task.setVariableLocal(ENTERPRISE_NAME, application.enterpriseName() + " (MST " + application.taxCode() + ")");
        task.setVariableLocal(INDUSTRIAL_PARK, application.industrialPark());
    }
}
