package org.greenlane.workflow;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/**
 * Called from the BPMN ({@code ${applicationStatus.mark(execution, 'APPROVED')}}) where the application changes
 * status, in the same transaction as the process step, so the status never disagrees with the process.
 * Public because the expression language only calls methods of public classes.
 */
@Component("applicationStatus")
public class ApplicationStatusMarker {

    private final ApplicationStore applications;
    private final Timeline timeline;
    private final Clock clock;

    ApplicationStatusMarker(ApplicationStore applications, Timeline timeline, Clock clock) {
        this.applications = applications;
        this.timeline = timeline;
        this.clock = clock;
    }

    public void mark(DelegateExecution execution, String status) {
        String id = execution.getProcessBusinessKey();
        ApplicationStatus next = ApplicationStatus.valueOf(status);
        if (next == ApplicationStatus.UNDER_REVIEW) {
            applications.startReviewRound(id, clock.instant());
        } else {
            applications.setStatus(id, next, clock.instant());
        }
        timeline.record(id, "STATUS", "system", next.name());
    }
}
