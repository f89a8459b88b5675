package org.greenlane.permit;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationAccess;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.infection.InfectionCaseService;
import org.greenlane.security.CurrentUser;
import org.greenlane.system.ConflictException;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.timeline.Timeline;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * New test results of an approved enterprise's workers: stored with the roster, then re-checked at once; a positive
 * one is an infection case ({@link InfectionCaseService#positiveTests}).
 */
@RestController
@RequestMapping(path = "/api/applications/{id}/tests", produces = MediaType.APPLICATION_JSON_VALUE)
class RetestController {

    private static final List<ApplicationStatus> APPROVED_OR_SUSPENDED = List.of(ApplicationStatus.APPROVED,
            ApplicationStatus.SUSPENDED);

    private final ApplicationStore applications;
    private final ApprovedWorkers approvedWorkers;
    private final InfectionCaseService cases;
    private final Timeline timeline;
    private final ZoneId zone;

    RetestController(ApplicationStore applications, ApprovedWorkers approvedWorkers, InfectionCaseService cases,
                     Timeline timeline, GreenlaneProperties properties) {
        this.applications = applications;
        this.approvedWorkers = approvedWorkers;
        this.cases = cases;
        this.timeline = timeline;
        this.zone = properties.zone();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    RetestChecks.RetestCheck post(@PathVariable String id, @Valid @RequestBody NewTestResults results) {
        var stored = ApplicationAccess.requireReadable(applications.lock(id));
        if (!APPROVED_OR_SUSPENDED.contains(stored.status())) {
            throw new ConflictException("Application " + id + " is " + stored.status()
                    + "; test results are posted for an approved enterprise.");
        }
        ApplicationDocument document = applications.document(id);
        Map<String, List<ApplicationDocument.Test>> added = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        var roster = document.workers().stream().map(ApplicationDocument.Worker::citizenId).toList();
        for (int i = 0; i < results.results().size(); i++) {
            var result = results.results().get(i);
            if (!roster.contains(result.citizenId())) {
                problems.add(new FieldProblem("results[" + i + "].citizenId",
                        "is not on this application's roster: " + result.citizenId()));
            }
            added.computeIfAbsent(result.citizenId(), key -> new ArrayList<>()).add(result.test());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ApplicationDocument retested = withTests(document, added);
        applications.replaceRoster(id, retested);
        timeline.record(id, "TESTS_ADDED", CurrentUser.name(), results.results().size() + " results");
        cases.positiveTests(id, retested, positive(results));
        return approvedWorkers.checkRetesting(id, retested, true);
    }

    /** Each worker with a positive result, and the day of its latest positive sample in the province. */
    private Map<String, LocalDate> positive(NewTestResults results) {
        Map<String, LocalDate> positive = new LinkedHashMap<>();
        results.results().stream().filter(result -> result.test().result() == ApplicationDocument.TestResult.POSITIVE)
                .forEach(result -> positive.merge(result.citizenId(),
                        result.test().sampledAt().atZoneSameInstant(zone).toLocalDate(),
                        (a, b) -> a.isAfter(b) ? a : b));
        return positive;
    }

    private static ApplicationDocument withTests(ApplicationDocument document,
                                                 Map<String, List<ApplicationDocument.Test>> added) {
        List<ApplicationDocument.Worker> workers = document.workers().stream().map(worker -> {
            List<ApplicationDocument.Test> more = added.get(worker.citizenId());
            if (more == null) {
                return worker;
            }
            List<ApplicationDocument.Test> tests = new ArrayList<>(worker.tests());
            tests.addAll(more);
            return new ApplicationDocument.Worker(worker.citizenId(), worker.fullName(), worker.residence(), tests,
                    worker.vaccinationDoses(), worker.closeContactSince(), worker.accommodationId(), worker.shuttleId());
        }).toList();
        return new ApplicationDocument(document.enterprise(), document.plannedRestartDate(), workers,
                document.accommodations(), document.shuttles(), document.medicalPlan());
    }
}
