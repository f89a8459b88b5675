package org.greenlane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task gets the same grants and variables through {@link NewTasks} as through the engine's own look-ups, whether
 * the task is new in the command or already stored: one grant per candidate group, READ and TASK_WORK; every
 * variable set on it.
 */
class NewTasksTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Autowired
    AuthorizationService authorizations;

    private String taskId;

    @AfterEach
    void deleteTask() {
        if (taskId != null) {
            tasks.deleteTask(taskId, true);
        }
    }

    @Test
    void aNewTasksGroupsAndALaterGroupEachGetOneGrant() {
        assertThat(configuration.getResourceAuthorizationProvider()).isInstanceOf(NewTasks.Authorizations.class);

        // the way a review task is made: inserted, then its candidate groups added, in one command
        taskId = configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = new TaskEntity();
            task.insert();
            task.addCandidateGroup("health");
            task.addCandidateGroup("steering");
            return task.getId();
        });
        assertThat(grants()).extracting(Authorization::getGroupId).containsExactlyInAnyOrder("health", "steering");

        // a stored task: the provider looks up the existing grant and adds to it instead of making a second
        tasks.addCandidateGroup(taskId, "health");
        tasks.addCandidateGroup(taskId, "housing");

        List<Authorization> grants = grants();
        assertThat(grants).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder("health", "steering", "housing");
        assertThat(grants).allSatisfy(grant -> {
            assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        });
    }

    @Test
    void aNewTasksFirstVariablesAndALaterOneAreAllKept() {
        // the way a review task gets its card: inserted, then given task-local variables, in one command
        taskId = configuration.getCommandExecutorTxRequired().execute(context -> {
            assertThat(context.getVariableInstanceManager()).isInstanceOf(NewTasks.Variables.class);
            TaskEntity task = new TaskEntity();
            task.insert();
            task.setVariableLocal(ProcessVariables.ENTERPRISE_NAME, "Công ty TNHH Đức Giang (MST 2400123456)");
            task.setVariableLocal(ProcessVariables.INDUSTRIAL_PARK, "Quang Châu");
            return task.getId();
        });

        // a stored task: its variables are read from the database before one more joins them
        tasks.setVariableLocal(taskId, ProcessVariables.COMMENT, "đủ điều kiện");
        tasks.setVariableLocal(taskId, ProcessVariables.INDUSTRIAL_PARK, "Vân Trung");

        assertThat(tasks.getVariablesLocal(taskId)).containsOnly(
                entry(ProcessVariables.ENTERPRISE_NAME, "Công ty TNHH Đức Giang (MST 2400123456)"),
                entry(ProcessVariables.INDUSTRIAL_PARK, "Vân Trung"),
                entry(ProcessVariables.COMMENT, "đủ điều kiện"));
    }

    private List<Authorization> grants() {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
    }
}
