package org.greenlane.incident;

import static org.greenlane.workflow.ProcessVariables.COMMENT;
import static org.greenlane.workflow.ProcessVariables.DECISION;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.timeline.Timeline;
import org.springframework.stereotype.Component;

/** Checks and records the health group's resume-or-revoke decision on an infection case. */
@Component("recordInfectionDecisionListener")
class RecordInfectionDecisionListener implements TaskListener {

    static final List<String> DECISIONS = List.of("RESUME", "REVOKE");

    private final Incidents incidents;
    private final Timeline timeline;
    private final Clock clock;

    RecordInfectionDecisionListener(Incidents incidents, Timeline timeline, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        String comment = task.getVariable(COMMENT) == null ? "" : task.getVariable(COMMENT).toString().strip();
        if (!(decision instanceof String value) || !DECISIONS.contains(value)) {
            throw new BadUserRequestException("decision must be one of " + DECISIONS + ", not " + decision);
        }
        if ("REVOKE".equals(value) && comment.isEmpty()) {
            throw new BadUserRequestException("comment is required to REVOKE (cần ghi ý kiến khi thu hồi giấy phép)");
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String decidedBy = authentication != null ? authentication.getUserId() : "unknown";
        String id = task.getExecution().getProcessBusinessKey();
        incidents.resolve(id, value, decidedBy, clock.instant());
        timeline.record(id, "INCIDENT_" + value, decidedBy, comment.isEmpty() ? null : comment);
    }
}
