package org.greenlane.incident;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.greenlane.workflow.FormDataSource;
import org.springframework.stereotype.Component;

/** What the health group's infection task shows: the open case and its contact-tracing list. */
@Component("infectionFormData")
class InfectionFormSource implements FormDataSource {

    static final String INCIDENT = "incident";
    static final String CONTACT_TRACING = "contactTracing";
    /** Keeps the form readable; the status API has the whole list. */
    private static final int LISTED = 60;

    private final Incidents incidents;

    InfectionFormSource(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Map<String, Object> formData(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        var incident = incidents.open(id).orElseThrow(() -> new IllegalStateException("No open case for " + id));
        return Map.of(
                INCIDENT, "Phát hiện ngày / detected on " + incident.detectedOn() + ", báo bởi / reported by "
                        + incident.reportedBy() + (incident.note() == null ? "" : "\n" + incident.note()) + "\n"
                        + list(incident.infected()),
                CONTACT_TRACING, incident.contactTracing().isEmpty()
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
