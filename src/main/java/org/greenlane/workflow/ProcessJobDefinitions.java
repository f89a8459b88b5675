package org.greenlane.workflow;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.springframework.stereotype.Component;

/**
 * The engine reads a job's definition (is it suspended? its priority?) each time it creates a job, one query per
 * job: four per application for the review tasks' due-date timers (2.8 % of the server's CPU under load, JFR,
 * intake). Here the first such read in a command reads all of the process's job definitions at once, into the
 * command's entity cache, where the others find theirs. Still read in the command, so a definition suspended a
 * moment ago, on any node, suspends the job as before.
 */
@Component
public class ProcessJobDefinitions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, JobDefinitionManager.class, Manager::new);
    }

    /** One per command, like every engine session. */
    static final class Manager extends JobDefinitionManager {

        private final Set<String> processDefinitionsRead = new HashSet<>();

        @Override
        public JobDefinitionEntity findById(String id) {
            BpmnExecutionContext context = Context.getBpmnExecutionContext();
            if (context != null && getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, id) == null) {
                String processDefinitionId = context.getExecution().getProcessDefinitionId();
                if (processDefinitionsRead.add(processDefinitionId)) {
                    findByProcessDefinitionId(processDefinitionId);
                }
            }
            return super.findById(id);
        }
    }
}
