package org.greenlane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server's engine opens its entity manager through {@link InsertIdCheck}, which still refuses the id "*". */
class InsertIdCheckTest extends IntegrationTest {

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Test
    void theEngineStillRefusesARowWithTheReservedIdThroughTheCheaperCheck() {
        Class<?> entityManager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().getClass());
        assertThat(entityManager.getEnclosingClass()).isEqualTo(InsertIdCheck.class);

        assertThatThrownBy(() -> tasks.saveTask(tasks.newTask("*")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id").hasMessageContaining("cannot be *");
        assertThat(tasks.createTaskQuery().taskId("*").count()).isZero();
    }
}
