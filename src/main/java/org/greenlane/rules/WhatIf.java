package org.greenlane.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.screening.ScreeningRules;
import org.springframework.stereotype.Component;

/** Screens one application under the active rules and under a draft, and says what would change. */
@Component
class WhatIf {

    private final ActiveRuleSet rules;
    private final ApplicationValidator validator;
    private final Screening screening;

    WhatIf(ActiveRuleSet rules, ApplicationValidator validator, Screening screening) {
        this.rules = rules;
        this.validator = validator;
        this.screening = screening;
    }

    Comparison compare(ScreeningRules draft, ApplicationDocument application) {
        validator.check(application);
        List<ScreeningResult> results = screening.screen(List.of(rules.get(), draft), application);
        ScreeningResult before = results.get(0);
        ScreeningResult after = results.get(1);
        return new Comparison(Summary.of(before), Summary.of(after), difference(before, after));
    }

    private static Difference difference(ScreeningResult before, ScreeningResult after) {
        Set<List<Object>> beforeKeys = before.findings().stream().map(WhatIf::key).collect(Collectors.toSet());
        Set<List<Object>> afterKeys = after.findings().stream().map(WhatIf::key).collect(Collectors.toSet());
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
        return new Difference(after.eligibleCount() - before.eligibleCount(), before.hasBlockers() != after.hasBlockers(),
                added, removed, changed);
    }

    /** Findings are the same when code, subject and severity are; messages may carry counts that moved. */
    private static List<Object> key(Finding finding) {
        return List.of(finding.code(), finding.subject(), finding.severity());
    }

    record Comparison(Summary active, Summary draft, Difference difference) {
    }

    record Summary(String ruleSetVersion, String ruleSetChecksum, int eligibleCount, int ineligibleCount,
                   boolean hasBlockers, List<Finding> findings) {

        static Summary of(ScreeningResult result) {
            return new Summary(result.ruleSetVersion(), result.ruleSetChecksum(), result.eligibleCount(),
                    result.ineligibleCount(), result.hasBlockers(), result.findings());
        }
    }

    record Difference(int eligibleDelta, boolean blockingChanged, List<Finding> findingsAdded,
                      List<Finding> findingsRemoved, List<WorkerChange> workersChanged) {
    }

    record WorkerChange(String citizenId, String fullName, List<String> reasonsBefore, List<String> reasonsAfter) {
    }
}
