package org.greenlane.rules;

import java.util.List;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.screening.Finding;
import org.greenlane.screening.Screening;
import org.greenlane.screening.ScreeningDifference;
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
        return new Comparison(Summary.of(before), Summary.of(after), ScreeningDifference.of(before, after));
    }

    record Comparison(Summary active, Summary draft, ScreeningDifference difference) {
    }

    record Summary(String ruleSetVersion, String ruleSetChecksum, int eligibleCount, int ineligibleCount,
                   boolean hasBlockers, List<Finding> findings) {

        static Summary of(ScreeningResult result) {
            return new Summary(result.ruleSetVersion(), result.ruleSetChecksum(), result.eligibleCount(),
                    result.ineligibleCount(), result.hasBlockers(), result.findings());
        }
    }
}
