package org.greenlane.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationAccess;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.application.ApplicationStore;
import org.greenlane.application.StoredApplication;
import org.greenlane.infection.InfectionCases;
import org.greenlane.permit.PermitView;
import org.greenlane.permit.Permits;
import org.greenlane.permit.RetestChecks;
import org.greenlane.review.ReviewStore;
import org.greenlane.review.WorkingGroups;
import org.greenlane.screening.Screener;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningStore;
import org.greenlane.security.CurrentUser;
import org.greenlane.system.NotFoundException;
import org.greenlane.timeline.Timeline;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class StatusController {

    private final ApplicationStore applications;
    private final ScreeningStore screenings;
    private final ReviewStore reviews;
    private final Permits permits;
    private final Timeline timeline;
    private final InfectionCases cases;
    private final RetestChecks retestChecks;

    StatusController(ApplicationStore applications, ScreeningStore screenings, ReviewStore reviews, Permits permits,
                     Timeline timeline, InfectionCases cases, RetestChecks retestChecks) {
        this.cases = cases;
        this.retestChecks = retestChecks;
        this.applications = applications;
        this.screenings = screenings;
        this.reviews = reviews;
        this.permits = permits;
        this.timeline = timeline;
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ApplicationView status(@PathVariable String id) {
        StoredApplication application = ApplicationAccess.requireReadable(applications.get(id));
        var screening = screenings.latest(id).map(StatusController::summary).orElse(null);
        Map<String, ApplicationView.GroupReview> groups = new LinkedHashMap<>();
        WorkingGroups.REVIEWING.forEach(group -> groups.put(group, ApplicationView.GroupReview.PENDING));
        ApplicationView.GroupReview steering = ApplicationView.GroupReview.PENDING;
        for (var review : reviews.ofRound(id, application.reviewRound())) {
            var view = new ApplicationView.GroupReview(reviewStatus(review.decision()), review.comment(),
                    review.decidedBy(), review.decidedAt());
            if (WorkingGroups.STEERING.equals(review.group())) {
                steering = view;
            } else {
                groups.put(review.group(), view);
            }
        }
        return new ApplicationView(application.id(), application.status(), application.revision(),
                new ApplicationView.Enterprise(application.taxCode(), application.enterpriseName(),
                        application.industrialPark()),
                application.workerCount(), application.submittedAt(), application.updatedAt(), screening, groups,
                steering, permits.of(id).map(permit -> PermitView.of(id, permit)).orElse(null), cases.of(id), retestChecks.of(id).orElse(null),
                timeline.of(id));
    }

    /** Every worker's verdict of the latest screening. */
    @GetMapping("/{id}/screening")
    ScreeningResult screening(@PathVariable String id) {
        ApplicationAccess.requireReadable(applications.get(id));
        return screenings.latest(id)
                .orElseThrow(() -> new NotFoundException("Application " + id + " has not been screened yet"));
    }

    @GetMapping
    ApplicationStore.Page<StoredApplication> list(@RequestParam(required = false) ApplicationStatus status,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return applications.list(status, CurrentUser.enterpriseTaxCode().orElse(null), page, size);
    }

    private static ApplicationView.Screening summary(ScreeningResult result) {
        List<ScreeningResult.WorkerEligibility> ineligible = result.workers().stream().filter(w -> !w.eligible())
                .toList();
        return new ApplicationView.Screening(result.ruleSetVersion(), result.ruleSetChecksum(), result.screenedAt(),
                result.workerCount(), result.eligibleCount(), result.ineligibleCount(), result.hasBlockers(),
                result.findings(), ineligible, Screener.workerReasons(result), result.vaccinationPriority());
    }

    private static String reviewStatus(String decision) {
        return switch (decision) {
            case "APPROVE" -> "APPROVED";
            case "REQUEST_CHANGES" -> "CHANGES_REQUESTED";
            case "REJECT" -> "REJECTED";
            default -> throw new IllegalStateException("Unknown decision " + decision);
        };
    }
}
