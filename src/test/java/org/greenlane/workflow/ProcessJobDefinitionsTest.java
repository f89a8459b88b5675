package org.greenlane.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jobs made through {@link ProcessJobDefinitions} carry their definitions as the engine's own look-up gives them,
 * including a suspension made just before: two tasks with a due-date timer each, one timer's definition suspended.
 */
class ProcessJobDefinitionsTest extends IntegrationTest {

    private static final String PROCESS = "twoTimedTasks";

    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String deploymentId;

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void eachTimerGetsItsOwnDefinitionAndASuspensionMadeJustBefore() {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            assertThat(context.getJobDefinitionManager()).isInstanceOf(ProcessJobDefinitions.Manager.class);
            return null;
        });
        deploymentId = repository.createDeployment().addModelInstance("two-timed-tasks.bpmn", model()).deploy().getId();
        Map<String, JobDefinition> definitions = management.createJobDefinitionQuery()
                .processDefinitionKey(PROCESS).list().stream()
                .collect(Collectors.toMap(JobDefinition::getActivityId, definition -> definition));
        management.suspendJobDefinitionById(definitions.get("firstLate").getId());

        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();

        Map<String, Job> jobs = management.createJobQuery().processInstanceId(instance).list().stream()
                .collect(Collectors.toMap(Job::getJobDefinitionId, job -> job));
        String firstLate = definitions.get("firstLate").getId();
        String secondLate = definitions.get("secondLate").getId();
        assertThat(jobs).containsOnlyKeys(firstLate, secondLate);
        assertThat(jobs.get(firstLate).isSuspended()).isTrue();
        assertThat(jobs.get(secondLate).isSuspended()).isFalse();
        assertThat(jobs.values()).allSatisfy(job -> assertThat(job.getProcessDefinitionKey()).isEqualTo(PROCESS));
    }

    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork")
                .userTask("first").boundaryEvent("firstLate").cancelActivity(false).timerWithDuration("PT1H").endEvent()
                .moveToNode("fork")
                .userTask("second").boundaryEvent("secondLate").cancelActivity(false).timerWithDuration("PT1H").endEvent()
                .done();
    }
}
