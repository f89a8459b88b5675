package org.greenlane.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;

import java.util.Map;
import java.util.stream.Collectors;
import org.greenlane.TestApplications;
import org.greenlane.TestRosters;
import org.greenlane.TestRosters.MixedRoster;
import org.greenlane.rules.TestRules;
import org.junit.jupiter.api.Test;

/**
 * The roster generator the benchmarks use, screened with the shipped rules: every worker gets the verdict the
 * generator meant, so a benchmark over it measures the real criteria on a realistic mix.
 */
class MixedRosterTest {

    @Test
    void shippedRulesFindWhatTheGeneratorMeant() {
        MixedRoster roster = TestRosters.mixed(5_000, 2021);

        ScreeningResult result = new Screener(VIETNAM).screen(TestRules.shipped(),
                TestApplications.withWorkers(TestApplications.clean(roster.workers().size()), roster.workers()),
                Map.of(), NOW);

        assertThat(result.eligibleCount()).isEqualTo(roster.expectedEligible());
        assertThat(result.vaccinationPriority()).hasSize(roster.expectedPriority());
        Map<String, Long> ineligibleByCode = result.workers().stream().filter(w -> !w.eligible())
                .collect(Collectors.groupingBy(w -> String.join("+", w.reasons()), Collectors.counting()));
        assertThat(ineligibleByCode).containsOnlyKeys(roster.expectedIneligibleByCode().keySet());
        roster.expectedIneligibleByCode().forEach((code, count) ->
                assertThat(ineligibleByCode.get(code)).as(code).isEqualTo(count.longValue()));
        // a realistic mix: most may return, every criterion is hit, and so is the far side of each threshold
        assertThat(roster.expectedEligible()).isBetween(3_500, 4_000);
        assertThat(roster.expectedIneligibleByCode()).hasSize(4).allSatisfy((code, count) -> assertThat(count).isGreaterThan(50));
    }
}
