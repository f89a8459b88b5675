package org.greenlane.infection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greenlane.application.ApplicationAccess;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.InfectionReported;
import org.greenlane.security.CurrentUser;
import org.greenlane.system.ConflictException;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.timeline.Timeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InfectionCaseService {

    private final ApplicationStore applications;
    private final InfectionCases cases;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GreenlaneProperties properties;

    InfectionCaseService(ApplicationStore applications, InfectionCases cases, Timeline timeline,
                    ApplicationEventPublisher events, Clock clock, GreenlaneProperties properties) {
        this.applications = applications;
        this.cases = cases;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Records the case, traces the close contacts (the infected workers' lodging and shuttle companions) and
     * suspends the approved application, all in one transaction.
     */
    @Transactional
    InfectionCases.InfectionCase report(String id, InfectionReport report) {
        var stored = ApplicationAccess.requireReadable(applications.lock(id));
        if (stored.status() != ApplicationStatus.APPROVED) {
            throw new ConflictException("Application " + id + " is " + stored.status()
                    + "; an infection case is reported for an APPROVED application.");
        }
        Map<String, ApplicationDocument.Worker> roster = roster(applications.document(id));
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (report.detectedOn() != null && report.detectedOn().isAfter(today)) {
            problems.add(new FieldProblem("detectedOn", "must not be in the future"));
        }
        for (int i = 0; i < report.infectedWorkers().size(); i++) {
            if (!roster.containsKey(report.infectedWorkers().get(i))) {
                problems.add(new FieldProblem("infectedWorkers[" + i + "]",
                        "is not on this application's roster: " + report.infectedWorkers().get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        open(id, roster, new LinkedHashSet<>(report.infectedWorkers()), report.detectedOn(), report.note());
        return cases.open(id).orElseThrow();
    }

    /**
     * Positive results among new test results of an approved or suspended application are a case like a reported
     * one: an approved application is suspended with a case for those workers; a suspended one's open case takes
     * them in, with their close contacts, before the health group decides it.
     *
     * @param positive each worker who tested positive, with the day of the sample
     */
    public void positiveTests(String id, ApplicationDocument document, Map<String, LocalDate> positive) {
        if (positive.isEmpty()) {
            return;
        }
        Map<String, ApplicationDocument.Worker> roster = roster(document);
        LocalDate detectedOn = positive.values().stream().max(LocalDate::compareTo).orElseThrow();
        String note = "Xét nghiệm dương tính được gửi cùng kết quả xét nghiệm lại / Positive test posted with the "
                + "re-test results";
        if (cases.open(id).isEmpty()) {
            open(id, roster, positive.keySet(), detectedOn, note);
            return;
        }
        Set<String> infected = new LinkedHashSet<>(positive.keySet());
        List<InfectionCases.Person> people = infected(infected, roster);
        List<InfectionCases.Person> contacts = contactsOf(infected, roster);
        cases.addToOpen(id, people, contacts);
        timeline.record(id, "INCIDENT_EXTENDED", CurrentUser.name(), people.size() + " infected, " + contacts.size()
                + " close contacts traced, added to the open case");
    }

    private void open(String id, Map<String, ApplicationDocument.Worker> roster, Set<String> infectedIds,
                      LocalDate detectedOn, String note) {
        List<InfectionCases.Person> infected = infected(infectedIds, roster);
        List<InfectionCases.Person> contacts = contactsOf(infectedIds, roster);
        String reporter = CurrentUser.name();
        cases.report(id, reporter, detectedOn, infected, contacts, note, clock.instant());
        timeline.record(id, "INCIDENT_REPORTED", reporter, infected.size() + " infected, " + contacts.size()
                + " close contacts traced");
        events.publishEvent(new InfectionReported(id));
    }

    private static Map<String, ApplicationDocument.Worker> roster(ApplicationDocument document) {
        Map<String, ApplicationDocument.Worker> roster = new LinkedHashMap<>();
        document.workers().forEach(worker -> roster.put(worker.citizenId(), worker));
        return roster;
    }

    private static List<InfectionCases.Person> infected(Set<String> infectedIds,
                                                        Map<String, ApplicationDocument.Worker> roster) {
        return infectedIds.stream().map(roster::get)
                .map(w -> new InfectionCases.Person(w.citizenId(), w.fullName(), "infected")).toList();
    }

    /** Workers who share an infected worker's accommodation or shuttle. */
    private static List<InfectionCases.Person> contactsOf(Set<String> infected,
                                                          Map<String, ApplicationDocument.Worker> roster) {
        Set<String> sites = new LinkedHashSet<>();
        Set<String> shuttles = new LinkedHashSet<>();
        infected.stream().map(roster::get).forEach(worker -> {
            if (worker.accommodationId() != null) {
                sites.add(worker.accommodationId());
            }
            if (worker.shuttleId() != null) {
                shuttles.add(worker.shuttleId());
            }
        });
        List<InfectionCases.Person> contacts = new ArrayList<>();
        for (var worker : roster.values()) {
            if (infected.contains(worker.citizenId())) {
                continue;
            }
            String reason = sites.contains(worker.accommodationId()) ? "same accommodation " + worker.accommodationId()
                    : shuttles.contains(worker.shuttleId()) ? "same shuttle " + worker.shuttleId() : null;
            if (reason != null) {
                contacts.add(new InfectionCases.Person(worker.citizenId(), worker.fullName(), reason));
            }
        }
        return contacts;
    }

}
