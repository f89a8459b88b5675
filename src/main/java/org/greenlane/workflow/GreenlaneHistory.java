package org.greenlane.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers {@link GreenlaneHistoryLevel} with the engine (chosen by {@code camunda.bpm.history-level}), as Camunda's
 * custom-history-level example does. A database made at another level keeps it: the engine refuses to start at a
 * different one, and docs/operations.md has the statement an operator runs to move a database kept at full.
 */
@Component
public class GreenlaneHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new GreenlaneHistoryLevel());
    }
}
