package org.greenlane.incident;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.status.Permits;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/** Resuming after a case: the permit's approved count drops by the approved workers the case isolates. */
@Component("resumePermitDelegate")
class ResumePermitDelegate implements JavaDelegate {

    private final Incidents incidents;
    private final ScreeningStore screenings;
    private final Permits permits;
    private final Timeline timeline;

    ResumePermitDelegate(Incidents incidents, ScreeningStore screenings, Permits permits, Timeline timeline) {
        this.incidents = incidents;
        this.screenings = screenings;
        this.permits = permits;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        var cases = incidents.of(id);
        Set<String> isolated = IncidentService.isolated(cases.get(cases.size() - 1));
        long isolatedApproved = screenings.latest(id).orElseThrow().workers().stream()
                .filter(ScreeningResult.WorkerEligibility::eligible)
                .filter(worker -> isolated.contains(worker.citizenId()))
                .count();
        var permit = permits.of(id).orElseThrow();
        int approved = (int) Math.max(0, permit.approvedWorkers() - isolatedApproved);
        permits.setApprovedWorkers(id, approved);
        timeline.record(id, "PERMIT_REDUCED", "system", permit.approvedWorkers() + " → " + approved
                + " approved workers (" + isolatedApproved + " isolated)");
    }
}
