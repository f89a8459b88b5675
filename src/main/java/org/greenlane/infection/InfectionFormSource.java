package org.greenlane.infection;

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

    private final InfectionCases cases;

    InfectionFormSource(InfectionCases cases) {
        this.cases = cases;
    }

    @Override
    public Map<String, Object> formData(DelegateTask task) {
        String id = task.getExecution().getProcessBusinessKey();
        var open = cases.open(id).orElseThrow(() -> new IllegalStateException("No open case for " + id));
        return Map.of(
                INCIDENT, "Phát hiện ngày / detected on " + open.detectedOn() + ", báo bởi / reported by "
                        + open.reportedBy() + (open.note() == null ? "" : "\n" + open.note()) + "\n"
                        + list(open.infected()),
                CONTACT_TRACING, open.contactTracing().isEmpty()
                        ? "Không có / none" : list(open.contactTracing()));
    }

    private static String list(List<InfectionCases.Person> people) {
        String listed = people.stream().limit(LISTED)
                .map(p -> "- " + p.fullName() + " (" + p.citizenId() + "): " + p.reason())
                .collect(Collectors.joining("\n"));
        return people.size() > LISTED ? listed + "\n… +" + (people.size() - LISTED) + " (GET /api/applications/{id})"
                : listed;
    }
}
