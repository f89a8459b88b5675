package org.greenlane.impact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.greenlane.application.ApplicationStatus;
import org.greenlane.screening.Finding;
import org.greenlane.screening.ScreeningDifference.WorkerChange;

/**
 * What a rule change would do to every live application: each one's figures under the active set and the other,
 * and the totals per park and for the province.
 *
 * @param active   the active set's version ({@code v5})
 * @param compared the set compared with it: a version, or {@code draft} with its checksum's start
 */
record ImpactReport(String active, String compared, Instant screenedAt, Totals province, List<Park> parks,
                    List<Application> applications) {

    /**
     * @param approvedBefore workers the permits let work now, as the dashboard counts them (a suspended one: none)
     * @param approvedAfter  what they would let work under the compared set
     */
    record Totals(int enterprises, int enterprisesAffected, int workers, int eligibleBefore, int eligibleAfter,
                  int workersLosing, int workersGaining, int approvedBefore, int approvedAfter, int newBlockers,
                  int suspensions) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Totals plus(Application a) {
            return new Totals(enterprises + 1, enterprisesAffected + (a.affected() ? 1 : 0), workers + a.workers(),
                    eligibleBefore + a.eligibleBefore(), eligibleAfter + a.eligibleAfter(),
                    workersLosing + a.losing().size(), workersGaining + a.gaining().size(),
                    approvedBefore + (a.approvedBefore() == null ? 0 : a.approvedBefore()),
                    approvedAfter + (a.approvedAfter() == null ? 0 : a.approvedAfter()),
                    newBlockers + (a.newBlockers().isEmpty() ? 0 : 1), suspensions + (a.suspended() ? 1 : 0));
        }
    }

    record Park(String name, Totals totals) {
    }

    /**
     * One application under both sets.
     *
     * @param approvedBefore the workers its permit lets work now (none while suspended); null without a permit
     * @param newBlockers    blockers the compared set adds
     * @param statusAfter    where re-screening would take it: SUSPENDED for a permit a new blocker stops; else null
     */
    record Application(String id, String taxCode, String enterpriseName, String park, ApplicationStatus status,
                       int workers, int eligibleBefore, int eligibleAfter, Integer approvedBefore, Integer approvedAfter,
                       List<WorkerChange> losing, List<WorkerChange> gaining, List<Finding> findingsAdded,
                       List<Finding> findingsRemoved, List<Finding> newBlockers, ApplicationStatus statusAfter) {

        @JsonProperty
        boolean affected() {
            return !losing.isEmpty() || !gaining.isEmpty() || !findingsAdded.isEmpty() || !findingsRemoved.isEmpty();
        }

        @JsonProperty
        boolean suspended() {
            return statusAfter == ApplicationStatus.SUSPENDED;
        }
    }
}
