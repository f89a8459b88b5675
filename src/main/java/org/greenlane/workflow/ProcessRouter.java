package org.greenlane.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.application.ApplicationCorrected;
import org.greenlane.application.ApplicationSubmitted;
import org.greenlane.application.InfectionReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one seam between the features and the engine. It runs inside the intake transaction: if the engine refuses,
 * nothing is stored.
 */
@Component
class ProcessRouter {

    private final RuntimeService runtime;
    private final ApplicationScreening screening;

    ProcessRouter(RuntimeService runtime, ApplicationScreening screening) {
        this.runtime = runtime;
        this.screening = screening;
    }

    /**
     * Screens the submission and starts its process in the same transaction: one commit and no job per
     * application. The process skips its own screening task when the start brings the screening's verdict.
     */
    @EventListener
    void start(ApplicationSubmitted submitted) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_ID, submitted.applicationId());
        screening.screenSubmitted(submitted.applicationId(), submitted.document())
                .ifPresent(hasBlockers -> variables.put(ProcessVariables.HAS_BLOCKERS, hasBlockers));
        runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, submitted.applicationId(), variables);
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
