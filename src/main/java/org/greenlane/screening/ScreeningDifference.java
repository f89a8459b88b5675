package org.greenlane.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changes between two screenings of one document: eligible workers, blocking, the findings that come and go
 * (the same when code, subject and severity are: messages may carry counts that moved) and each worker whose
 * reasons change.
 */
public record ScreeningDifference(int eligibleDelta, boolean blockingChanged, List<Finding> findingsAdded,
                                  List<Finding> findingsRemoved, List<WorkerChange> workersChanged) {

    /** A worker whose reasons differ; eligible before and after is read from them (no reason: eligible). */
    public record WorkerChange(String citizenId, String fullName, List<String> reasonsBefore,
                               List<String> reasonsAfter) {

        public boolean losesEligibility() {
            return reasonsBefore.isEmpty() && !reasonsAfter.isEmpty();
        }

        public boolean gainsEligibility() {
            return !reasonsBefore.isEmpty() && reasonsAfter.isEmpty();
        }
    }

    public static ScreeningDifference of(ScreeningResult before, ScreeningResult after) {
        Set<List<Object>> beforeKeys = before.findings().stream().map(ScreeningDifference::key)
                .collect(Collectors.toSet());
        Set<List<Object>> afterKeys = after.findings().stream().map(ScreeningDifference::key)
                .collect(Collectors.toSet());
        List<Finding> added = after.findings().stream().filter(f -> !beforeKeys.contains(key(f))).toList();
        List<Finding> removed = before.findings().stream().filter(f -> !afterKeys.contains(key(f))).toList();
        Map<String, ScreeningResult.WorkerEligibility> afterWorkers = after.workers().stream()
                .collect(Collectors.toMap(ScreeningResult.WorkerEligibility::citizenId, Function.identity()));
        List<WorkerChange> changed = new ArrayList<>();
        for (var worker : before.workers()) {
            var other = afterWorkers.get(worker.citizenId());
            if (!worker.reasons().equals(other.reasons())) {
                changed.add(new WorkerChange(worker.citizenId(), worker.fullName(), worker.reasons(), other.reasons()));
            }
        }
        return new ScreeningDifference(after.eligibleCount() - before.eligibleCount(),
                before.hasBlockers() != after.hasBlockers(), added, removed, changed);
    }

    private static List<Object> key(Finding finding) {
        return List.of(finding.code(), finding.subject(), finding.severity());
    }
}
