package org.greenlane.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The process's screening task: a correction, or a submission whose screening failed when it was submitted. */
@Component("screenApplicationDelegate")
class ScreenApplicationDelegate implements JavaDelegate {

    private final ApplicationScreening screening;

    ScreenApplicationDelegate(ApplicationScreening screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.HAS_BLOCKERS,
                screening.screenStored(execution.getProcessBusinessKey()));
    }
}
