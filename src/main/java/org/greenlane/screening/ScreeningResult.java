package org.greenlane.screening;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one screening: who may return and why not, what each working group must look at, and the rule
 * set that decided it.
 */
public record ScreeningResult(
        String ruleSetVersion,
        String ruleSetChecksum,
        Instant screenedAt,
        int workerCount,
        int eligibleCount,
        int ineligibleCount,
        List<Finding> findings,
        List<VaccinationPriority> vaccinationPriority,
        List<WorkerEligibility> workers) {

    public boolean hasBlockers() {
        return findings.stream().anyMatch(Finding::isBlocker);
    }

    /** As the timeline says it: the rule set, the eligible workers and the blockers. */
    public String summary() {
        return String.format("rule set %s: %d/%d workers eligible, %d blocker(s)", ruleSetVersion, eligibleCount,
                workerCount, findings.stream().filter(Finding::isBlocker).count());
    }

    public List<Finding> findingsFor(String group) {
        return findings.stream().filter(f -> f.group().equals(group)).toList();
    }

    /** One worker's verdict: eligible, or the codes of every criterion that excludes them. */
    public record WorkerEligibility(String citizenId, String fullName, boolean eligible, List<String> reasons) {
    }
}
