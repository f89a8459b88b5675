package org.greenlane.incident;

import static org.greenlane.workflow.ProcessVariables.ENTERPRISE_NAME;
import static org.greenlane.workflow.ProcessVariables.INDUSTRIAL_PARK;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.greenlane.intake.ApplicationStore;
import org.springframework.stereotype.Component;

/** Gives the health group's infection task the case and its contact-tracing list, as task-local text. */
@Component("prepareInfectionTaskListener")
class PrepareInfectionTaskListener implements TaskListener {

    static final String INCIDENT = "incident";
    static final String CONTACT_TRACING = "contactTracing";
    /** Keeps each text under the engine's 4,000-character string limit; the status API has the whole list. */
    private static final int LISTED = 60;

    private final ApplicationStore applications;
    private final Incidents incidents;

    PrepareInfectionTaskListener(ApplicationStore applications, Incidents incidents) {
        this.applications = applications;
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        var application = applications.get(id);
        var incident = incidents.open(id).orElseThrow(() -> new IllegalStateException("No open case for " + id));
        task.setVariableLocal(ENTERPRISE_NAME, application.enterpriseName() + " (MST " + application.taxCode() + ")");
        task.setVariableLocal(INDUSTRIAL_PARK, application.industrialPark());
        task.setVariableLocal(INCIDENT, "Phát hiện ngày / detected on " + incident.detectedOn() + ", báo bởi / reported by "
                + incident.reportedBy() + (incident.note() == null ? "" : "\n" + incident.note()) + "\n"
                + list(incident.infected()));
        task.setVariableLocal(CONTACT_TRACING, incident.contactTracing().isEmpty()
                ? "Không có / none" : list(incident.contactTracing()));
    }

    private static String list(List<Incidents.Person> people) {
        String listed = people.stream().limit(LISTED)
                .map(p -> "- " + p.fullName() + " (" + p.citizenId() + "): " + p.reason())
                .collect(Collectors.joining("\n"));
        return people.size() > LISTED ? listed + "\n… +" + (people.size() - LISTED) + " (GET /api/applications/{id})"
                : listed;
    }
}
