package org.greenlane.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.infection.InfectionCases;
import org.greenlane.permit.PermitView;
import org.greenlane.permit.RetestChecks;
import org.greenlane.screening.Finding;
import org.greenlane.screening.ScreeningResult.WorkerEligibility;
import org.greenlane.screening.VaccinationPriority;
import org.greenlane.timeline.TimelineEvent;

/** What an enterprise sees of its application. */
record ApplicationView(
        String id,
        ApplicationStatus status,
        int revision,
        Enterprise enterprise,
        int workerCount,
        Instant submittedAt,
        Instant updatedAt,
        Screening screening,
        Map<String, GroupReview> reviews,
        GroupReview steering,
        PermitView permit,
        List<InfectionCases.InfectionCase> incidents,
        RetestChecks.RetestCheck retesting,
        List<TimelineEvent> timeline) {

    record Enterprise(String taxCode, String name, String industrialPark) {
    }

    /**
     * The latest screening, with the ineligible workers only; the full roster verdicts are at …/screening.
     *
     * @param workerReasons what each code among the workers' reasons says of one worker, in both languages
     */
    record Screening(String ruleSetVersion, String ruleSetChecksum, Instant screenedAt, int workerCount,
                     int eligibleCount, int ineligibleCount, boolean hasBlockers, List<Finding> findings,
                     List<WorkerEligibility> ineligibleWorkers, List<Finding> workerReasons,
                     List<VaccinationPriority> vaccinationPriority) {
    }

    /** PENDING until the group decides in the current review round. */
    record GroupReview(String status, String comment, String decidedBy, Instant decidedAt) {

        static final GroupReview PENDING = new GroupReview("PENDING", null, null, null);
    }
}
