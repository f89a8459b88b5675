package org.greenlane.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.incident.InfectionReported;
import org.greenlane.intake.ApplicationCorrected;
import org.greenlane.intake.ApplicationSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one seam between the features and the engine. It runs inside the intake transaction: if the engine refuses,
 * nothing is stored.
 */
@Component
class ProcessRouter {

    private final RuntimeService runtime;

    ProcessRouter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void start(ApplicationSubmitted submitted) {
        runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, submitted.applicationId(),
                Map.of(ProcessVariables.APPLICATION_ID, submitted.applicationId()));
    }

    @EventListener
    void suspend(InfectionReported reported) {
        runtime.createMessageCorrelation(ProcessVariables.INFECTION_MESSAGE)
                .processInstanceBusinessKey(reported.applicationId())
                .correlate();
    }

    @EventListener
    void resume(ApplicationCorrected corrected) {
        runtime.createMessageCorrelation(ProcessVariables.CORRECTION_MESSAGE)
                .processInstanceBusinessKey(corrected.applicationId())
                .correlate();
    }
}
