package org.greenlane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Greenlane's history level writes every history row the full level writes but the kinds it leaves out; a database
 * kept at full moves to it by the operator's statement in docs/operations.md, keeping what it has.
 */
class GreenlaneHistoryTest {

    private static final String DATABASE = "jdbc:h2:mem:greenlane-history;DB_CLOSE_DELAY=-1";
    /** docs/operations.md, "History": the one statement that moves a database kept at full. */
    private static final String MOVE_FROM_FULL = "update ACT_GE_PROPERTY set VALUE_ = '30', REV_ = REV_ + 1 "
            + "where NAME_ = 'historyLevel' and VALUE_ = '3'";

    @Test
    void aFullDatabaseMovedByTheOperatorStopsCopyingVariablesCandidatesAndRoutineJobs() throws Exception {
        ProcessEngine full = engine(ProcessEngineConfiguration.HISTORY_FULL);
        String before;
        try {
            deployReviewWithTimer(full);
            before = full.getRuntimeService().startProcessInstanceByKey("review",
                    Map.of("applicationId", "app-1")).getId();
            assertThat(full.getHistoryService().createHistoricDetailQuery().processInstanceId(before).count())
                    .isEqualTo(1);
        } finally {
            full.close();
        }
        try (var connection = DriverManager.getConnection(DATABASE); var statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(MOVE_FROM_FULL)).isOne();
        }

        ProcessEngine greenlane = engine(GreenlaneHistoryLevel.NAME);
        try {
            assertThat(((ProcessEngineConfigurationImpl) greenlane.getProcessEngineConfiguration()).getHistoryLevel())
                    .isInstanceOf(GreenlaneHistoryLevel.class);
            var history = greenlane.getHistoryService();
            String after = greenlane.getRuntimeService().startProcessInstanceByKey("review",
                    Map.of("applicationId", "app-2")).getId();
            String task = greenlane.getTaskService().createTaskQuery().processInstanceId(after).singleResult().getId();
            greenlane.getTaskService().setVariable(task, "applicationId", "app-2 (corrected)");

            // left out: the copy of each variable write, the candidate groups, the routine timer jobs
            assertThat(history.createHistoricDetailQuery().processInstanceId(after).count()).isZero();
            assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task).count()).isZero();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(after).count()).isZero();
            // kept: the process, its activities and task, each variable's last value; and what was written before
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(after).count()).isOne();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(after).count()).isOne();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(after).count()).isEqualTo(2);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(after).singleResult()
                    .getValue()).isEqualTo("app-2 (corrected)");
            assertThat(history.createHistoricDetailQuery().processInstanceId(before).count()).isEqualTo(1);
            assertThat(history.createHistoricJobLogQuery().processInstanceId(before).count()).isOne();
        } finally {
            greenlane.close();
        }
    }

    @Test
    void aReviewsFormAndCardVariablesStayOutOfTheHistoryAndItsOutcomeAndProcessVariablesStayIn() {
        ProcessEngine greenlane = engine(GreenlaneHistoryLevel.NAME, "jdbc:h2:mem:greenlane-form-history;DB_CLOSE_DELAY=-1");
        try {
            var model = Bpmn.createExecutableProcess("formReview").camundaHistoryTimeToLive(180)
                    .startEvent()
                    .userTask("health").camundaCandidateGroups("health")
                    .camundaInputParameter(ProcessVariables.DECISION, null)
                    .camundaInputParameter(ProcessVariables.COMMENT, null)
                    .camundaOutputParameter("healthDecision", "${decision}")
                    .endEvent()
                    .done();
            greenlane.getRepositoryService().createDeployment().addModelInstance("form-review.bpmn", model).deploy();
            var runtime = greenlane.getRuntimeService();
            var taskService = greenlane.getTaskService();
            String instance = runtime.startProcessInstanceByKey("formReview", Map.of("applicationId", "app-3")).getId();
            runtime.setVariable(instance, ProcessVariables.COMMENT, "một ghi chú của cả hồ sơ");
            String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
            taskService.setVariableLocal(task, ProcessVariables.ENTERPRISE_NAME, "Công ty TNHH Đức Giang (MST 2400123456)");
            taskService.setVariableLocal(task, ProcessVariables.INDUSTRIAL_PARK, "Quang Châu");

            taskService.complete(task, Map.of(ProcessVariables.DECISION, "APPROVE", ProcessVariables.COMMENT, "đạt"));

            var kept = greenlane.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .list().stream().collect(Collectors.toMap(HistoricVariableInstance::getName,
                            HistoricVariableInstance::getValue));
            assertThat(kept).containsOnly(entry("applicationId", "app-3"), entry("healthDecision", "APPROVE"),
                    entry(ProcessVariables.COMMENT, "một ghi chú của cả hồ sơ"));
        } finally {
            greenlane.close();
        }
    }

    private static ProcessEngine engine(String history) {
        return engine(history, DATABASE);
    }

    private static ProcessEngine engine(String history, String url) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        // closing an engine unregisters its name JVM-wide, and "default" is the Spring tests' engine
        configuration.setProcessEngineName("greenlane-history-test");
        // as in the server, where Spring gives the engine its data source before the plugins run
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(history);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new GreenlaneHistory()));
        return configuration.buildProcessEngine();
    }

    private static void deployReviewWithTimer(ProcessEngine engine) {
        var model = Bpmn.createExecutableProcess("review").camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("health").camundaCandidateGroups("health")
                .boundaryEvent("overdue").cancelActivity(false).timerWithDuration("P3D").endEvent()
                .moveToActivity("health").endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn", model).deploy();
    }
}
