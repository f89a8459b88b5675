package org.greenlane.workflow;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's full history without four kinds of rows that only repeat what is kept elsewhere, written for every
 * application: a copy of each process variable at each write (the variable's last value stays in the history, and
 * Greenlane's review table keeps each group's decision with its member and time); the candidate group of each
 * review task (the task carries it while open, and a claim or a reassignment stays in the user operation log);
 * the log of routine jobs — each due-date timer created, and deleted when its task completes — while a failing job
 * and its incident stay; the variables local to a task or to its step that only carry a form's input to Greenlane's
 * review table (decision, comment) or copy the application's name and park onto the task's card (16 rows per review
 * round). Everything else the full level writes, this one writes: process, activity and task instances,
 * process variables, incidents, the user operation log.
 * Public for the benchmark's bare engine, which runs at the same level.
 */
public final class GreenlaneHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "greenlane";
    /** Stored in the database (ACT_GE_PROPERTY historyLevel); the engine's own levels are 0–3. */
    public static final int ID = 30;

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE,
            HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE);
    private static final Set<String> FORM_VARIABLES = Set.of(ProcessVariables.DECISION, ProcessVariables.COMMENT,
            ProcessVariables.ENTERPRISE_NAME, ProcessVariables.INDUSTRIAL_PARK);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !LEFT_OUT.contains(eventType) && !(entity instanceof VariableInstanceEntity variable && isFormVariable(variable));
    }

    /** Every event of such a variable is left out alike (created, updated, deleted), so none updates a missing row. */
    private static boolean isFormVariable(VariableInstanceEntity variable) {
        boolean local = variable.getTaskId() != null
                || !Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId());
        return local && FORM_VARIABLES.contains(variable.getName());
    }
}
