package org.greenlane.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.TestApplications.negativePcr;
import static org.greenlane.screening.TestChanges.closeContact;
import static org.greenlane.screening.TestChanges.doses;
import static org.greenlane.screening.TestChanges.positive;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.test;
import static org.greenlane.screening.TestChanges.tests;
import static org.greenlane.screening.TestChanges.untested;
import static org.greenlane.screening.TestChanges.workers;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.rules.TestRules;
import org.greenlane.screening.ScreeningResult.WorkerEligibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worker criteria of the v1 policy with the shipped rule files, each at its boundaries. An ineligible worker is
 * not a blocker: they leave the eligible count, carry the codes that exclude them, and each code is summarised as
 * one INFO finding for the health group that counts the workers concerned.
 */
class WorkerCriteriaTest {

    private static final String NO_RECENT_PCR = "W-NO-RECENT-PCR";
    private static final String RECENT_POSITIVE = "W-RECENT-POSITIVE";
    private static final String LOCKDOWN_RESIDENCE = "W-LOCKDOWN-RESIDENCE";
    private static final String CLOSE_CONTACT = "W-CLOSE-CONTACT";
    private static final String VACCINATION_PRIORITY = "W-VACCINATION-PRIORITY";

    /** The screening day in Bắc Giang. */
    private static final LocalDate TODAY = LocalDate.of(2021, 6, 20);

    private final Screener screener = new Screener(VIETNAM);

    @Test
    void cleanApplicationHasEveryWorkerEligibleAndNoFinding() {
        ScreeningResult result = screen(clean(10));

        assertThat(result.workerCount()).isEqualTo(10);
        assertThat(result.eligibleCount()).isEqualTo(10);
        assertThat(result.ineligibleCount()).isZero();
        assertThat(result.workers()).allSatisfy(w -> assertThat(w.reasons()).isEmpty());
        assertThat(result.findings()).isEmpty();
        assertThat(result.vaccinationPriority()).isEmpty();
    }

    // ------------------------------------------------------------------ W-NO-RECENT-PCR

    @ParameterizedTest(name = "negative PCR sampled {0} h before screening: eligible {1}")
    @CsvSource({
            "1,       true",
            "71,      true",
            "72,      true",
            "72.0003, false", // one second past 72 h
            "73,      false",
            "240,     false"})
    void negativePcrMustBeSampledWithin72Hours(double hoursAgo, boolean eligible) {
        ScreeningResult result = screen(workers(clean(3), w -> tests(w, negativePcr(hoursAgo)), 0));

        assertVerdict(result, 0, eligible ? List.of() : List.of(NO_RECENT_PCR));
        assertThat(result.eligibleCount()).isEqualTo(eligible ? 3 : 2);
    }

    @Test
    void theLatestNegativePcrCounts() {
        ScreeningResult result = screen(workers(clean(3), w -> tests(w, negativePcr(200), negativePcr(48)), 0));

        assertVerdict(result, 0, List.of());
    }

    @Test
    void workerWithNoTestAtAllIsIneligible() {
        ScreeningResult result = screen(workers(clean(3), TestChanges::untested, 0));

        assertVerdict(result, 0, List.of(NO_RECENT_PCR));
    }

    @Test
    void recentNegativeRapidAntigenTestDoesNotReplaceAPcr() {
        var rapid = test(TestType.RAPID_ANTIGEN, TestResult.NEGATIVE, 2);
        ApplicationDocument application = workers(clean(3), w -> tests(w, rapid), 0);
        application = workers(application, w -> tests(w, rapid, negativePcr(73)), 1);

        ScreeningResult result = screen(application);

        assertVerdict(result, 0, List.of(NO_RECENT_PCR));
        assertVerdict(result, 1, List.of(NO_RECENT_PCR));
        assertVerdict(result, 2, List.of());
    }

    @Test
    void positivePcrIsNotANegativePcr() {
        ScreeningResult result = screen(workers(clean(3),
                w -> tests(w, test(TestType.PCR, TestResult.POSITIVE, 24 * 20)), 0));

        assertVerdict(result, 0, List.of(NO_RECENT_PCR));
    }

    // ------------------------------------------------------------------ W-RECENT-POSITIVE

    @ParameterizedTest(name = "{0} positive {1} days ago: ineligible {2}")
    @CsvSource({
            "PCR,           1,  true",
            "PCR,           13, true",
            "PCR,           14, true",
            "PCR,           15, false",
            "RAPID_ANTIGEN, 1,  true",
            "RAPID_ANTIGEN, 13, true",
            "RAPID_ANTIGEN, 14, true",
            "RAPID_ANTIGEN, 15, false"})
    void positiveTestWithin14DaysMakesIneligibleWhateverItsType(TestType type, double daysAgo, boolean ineligible) {
        // A negative PCR after the positive one does not help.
        ScreeningResult result = screen(workers(clean(3), w -> tests(w, positive(type, daysAgo), negativePcr(24)), 0));

        assertVerdict(result, 0, ineligible ? List.of(RECENT_POSITIVE) : List.of());
    }

    // ------------------------------------------------------------------ W-CLOSE-CONTACT

    @ParameterizedTest(name = "close contact {0} days before the screening day: ineligible {1}")
    @CsvSource({"0, true", "1, true", "13, true", "14, true", "15, false", "30, false"})
    void closeContactWithin14DaysMakesIneligible(int daysAgo, boolean ineligible) {
        ScreeningResult result = screen(workers(clean(3), w -> closeContact(w, TODAY.minusDays(daysAgo)), 0));

        assertVerdict(result, 0, ineligible ? List.of(CLOSE_CONTACT) : List.of());
    }

    @Test
    void closeContactDaysAreCountedInTheProvincesTimeZone() {
        // 20 June 06:00 in Bắc Giang is still 19 June in UTC: the contact of 5 June is 15 days old in Bắc Giang
        // (eligible), and would be 14 days old (ineligible) if days were counted in UTC.
        Instant earlyMorning = OffsetDateTime.of(2021, 6, 20, 6, 0, 0, 0, VIETNAM).toInstant();
        ApplicationDocument application = workers(clean(3), w -> closeContact(w, LocalDate.of(2021, 6, 5)), 0);
        application = workers(application, w -> closeContact(w, LocalDate.of(2021, 6, 6)), 1);

        ScreeningResult result = screener.screen(TestRules.shipped(), application, Map.of(), earlyMorning);

        assertVerdict(result, 0, List.of());
        assertVerdict(result, 1, List.of(CLOSE_CONTACT));
    }

    // ------------------------------------------------------------------ W-LOCKDOWN-RESIDENCE

    @ParameterizedTest(name = "residence {1}, {0}: ineligible {2}")
    @CsvSource({
            "Việt Yên,   Vân Trung,   true",
            "Viet Yen,   van trung,   true",
            "VIỆT YÊN,   VÂN TRUNG,   true",
            "' Việt Yên ', '  Vân  Trung ', true",
            "Yên Dũng,   Nội Hoàng,   true",
            "hiep hoa,   doan bai,    true",
            "Hiệp Hoà,   Đoan Bái,    true", // the other placement of the tone mark
            "Việt Yên,   Nếnh,        true",
            "Lạng Giang, Tân Dĩnh,    false",
            "Việt Yên,   Bích Động,   false",
            "Tân Yên,    Ngọc Thiện,  false"})
    void workerLivingInALockdownCommuneIsIneligible(String district, String commune, boolean ineligible) {
        ScreeningResult result = screen(workers(clean(3), w -> residence(w, district, commune), 0));

        assertVerdict(result, 0, ineligible ? List.of(LOCKDOWN_RESIDENCE) : List.of());
    }

    @Test
    void lockdownMatchIgnoresHowTheAccentsAreEncoded() {
        String decomposed = Normalizer.normalize("Vân Trung", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Vân Trung");

        ScreeningResult result = screen(workers(clean(3), w -> residence(w, "Việt Yên", decomposed), 0));

        assertVerdict(result, 0, List.of(LOCKDOWN_RESIDENCE));
    }

    @Test
    void lockdownFindingCountsTheWorkersInBothLanguages() {
        ScreeningResult result = screen(workers(clean(3), w -> residence(w, "viet yen", "van trung"), 0));

        Finding finding = onlyFinding(result, LOCKDOWN_RESIDENCE);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.group()).isEqualTo("health");
        assertThat(finding.subject()).isEqualTo("1 workers");
        assertThat(finding.messageVi()).contains("phong tỏa", "(1 người lao động)");
        assertThat(finding.messageEn()).contains("lockdown", "(1 workers)");
    }

    @Test
    void eachReasonOfAWorkerReadsAsSaidOfOneWorker() {
        // given two workers in a lockdown commune, one of them untested, and an eligible one left unvaccinated
        ApplicationDocument application = workers(clean(4), w -> residence(w, "Việt Yên", "Vân Trung"), 0, 1);
        application = workers(application, TestChanges::untested, 1);
        ScreeningResult result = screen(workers(application, w -> doses(w, 0), 3));

        // then each code that excludes a worker says what it says of one worker, without the summary's count
        assertThat(Screener.workerReasons(result)).extracting(Finding::code)
                .containsExactlyInAnyOrder(LOCKDOWN_RESIDENCE, NO_RECENT_PCR);
        Finding lockdown = Screener.workerReasons(result).stream()
                .filter(reason -> reason.code().equals(LOCKDOWN_RESIDENCE)).findFirst().orElseThrow();
        assertThat(lockdown.messageVi()).isEqualTo("Nơi cư trú thuộc xã, phường đang bị phong tỏa.");
        assertThat(lockdown.messageEn()).isEqualTo("Lives in a commune under lockdown.");
        assertThat(lockdown.subject()).isNull();
        assertThat(onlyFinding(result, LOCKDOWN_RESIDENCE).messageVi()).isEqualTo(lockdown.messageVi()
                + " (2 người lao động)");
        assertThat(Screener.workerReasons(result)).allSatisfy(reason -> assertThat(reason.messageEn())
                .isNotBlank().doesNotContain("workers)"));
    }

    // ------------------------------------------------------------------ W-VACCINATION-PRIORITY

    @Test
    void unvaccinatedEligibleWorkerIsAVaccinationPriority() {
        ApplicationDocument application = workers(clean(3), w -> doses(w, 0), 0);

        ScreeningResult result = screen(application);

        assertVerdict(result, 0, List.of());
        assertThat(result.eligibleCount()).isEqualTo(3);
        var worker = application.workers().get(0);
        assertThat(result.vaccinationPriority())
                .containsExactly(new VaccinationPriority(worker.citizenId(), worker.fullName(), "WORKER"));
        assertFinding(onlyFinding(result, VACCINATION_PRIORITY), VACCINATION_PRIORITY, Severity.INFO, "health", 1);
        assertThat(result.hasBlockers()).isFalse();
    }

    @Test
    void ineligibleWorkerIsNotOnTheVaccinationPriorityList() {
        ApplicationDocument application = workers(clean(4), w -> doses(untested(w), 0), 0);
        application = workers(application, w -> doses(closeContact(w, TODAY), 0), 1);
        application = workers(application, w -> doses(w, 0), 2);

        ScreeningResult result = screen(application);

        var eligibleUnvaccinated = application.workers().get(2);
        assertThat(result.vaccinationPriority()).containsExactly(
                new VaccinationPriority(eligibleUnvaccinated.citizenId(), eligibleUnvaccinated.fullName(), "WORKER"));
        assertFinding(onlyFinding(result, VACCINATION_PRIORITY), VACCINATION_PRIORITY, Severity.INFO, "health", 1);
    }

    @Test
    void vaccinatedWorkerIsNoPriority() {
        ScreeningResult result = screen(workers(clean(3), w -> doses(w, 1), 0, 1, 2));

        assertThat(result.vaccinationPriority()).isEmpty();
        assertThat(codes(result)).doesNotContain(VACCINATION_PRIORITY);
    }

    // ------------------------------------------------------------------ several reasons, summaries

    @Test
    void workerWithSeveralReasonsListsEveryCode() {
        ApplicationDocument application = workers(clean(4),
                w -> closeContact(residence(untested(w), "Việt Yên", "Vân Trung"), TODAY.minusDays(3)), 0);
        application = workers(application, w -> tests(w, positive(TestType.RAPID_ANTIGEN, 2)), 1);

        ScreeningResult result = screen(application);

        assertVerdict(result, 0, List.of(CLOSE_CONTACT, LOCKDOWN_RESIDENCE, NO_RECENT_PCR));
        // No negative PCR at all and a positive rapid test: two reasons.
        assertVerdict(result, 1, List.of(NO_RECENT_PCR, RECENT_POSITIVE));
        assertThat(result.eligibleCount()).isEqualTo(2);
        assertThat(result.ineligibleCount()).isEqualTo(2);
        assertFinding(onlyFinding(result, NO_RECENT_PCR), NO_RECENT_PCR, Severity.INFO, "health", 2);
        assertFinding(onlyFinding(result, CLOSE_CONTACT), CLOSE_CONTACT, Severity.INFO, "health", 1);
        assertFinding(onlyFinding(result, LOCKDOWN_RESIDENCE), LOCKDOWN_RESIDENCE, Severity.INFO, "health", 1);
        assertFinding(onlyFinding(result, RECENT_POSITIVE), RECENT_POSITIVE, Severity.INFO, "health", 1);
    }

    @Test
    void eachCodeIsSummarisedAsOneFindingCountingItsWorkers() {
        // Half the roster stays eligible, so that no application finding joins the worker findings.
        ApplicationDocument application = workers(clean(12), TestChanges::untested, 0, 1, 2);
        application = workers(application, w -> closeContact(w, TODAY.minusDays(1)), 3);
        application = workers(application, w -> tests(w, positive(TestType.PCR, 5), negativePcr(10)), 4, 5);

        ScreeningResult result = screen(application);

        assertThat(result.eligibleCount()).isEqualTo(6);
        assertThat(result.ineligibleCount()).isEqualTo(6);
        assertThat(result.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder(NO_RECENT_PCR, CLOSE_CONTACT, RECENT_POSITIVE);
        assertFinding(onlyFinding(result, NO_RECENT_PCR), NO_RECENT_PCR, Severity.INFO, "health", 3);
        assertFinding(onlyFinding(result, CLOSE_CONTACT), CLOSE_CONTACT, Severity.INFO, "health", 1);
        assertFinding(onlyFinding(result, RECENT_POSITIVE), RECENT_POSITIVE, Severity.INFO, "health", 2);
        assertThat(result.hasBlockers()).as("an ineligible worker is not a blocker").isFalse();
    }

    @Test
    void workersFromDifferentLockdownCommunesAreSummarisedAsOneFinding() {
        ApplicationDocument application = workers(clean(10), w -> residence(w, "Việt Yên", "Vân Trung"), 0);
        application = workers(application, w -> residence(w, "Yên Dũng", "Nội Hoàng"), 1);
        application = workers(application, w -> residence(w, "Hiệp Hòa", "Đoan Bái"), 2);

        ScreeningResult result = screen(application);

        assertThat(result.ineligibleCount()).isEqualTo(3);
        assertFinding(onlyFinding(result, LOCKDOWN_RESIDENCE), LOCKDOWN_RESIDENCE, Severity.INFO, "health", 3);
    }

    // ------------------------------------------------------------------ helpers

    private ScreeningResult screen(ApplicationDocument application) {
        return screener.screen(TestRules.shipped(), application, Map.of(), NOW);
    }

    private static void assertVerdict(ScreeningResult result, int index, List<String> reasons) {
        WorkerEligibility verdict = result.workers().get(index);
        assertThat(verdict.reasons()).as("reasons of worker %d", index).containsExactlyInAnyOrderElementsOf(reasons);
        assertThat(verdict.eligible()).as("worker %d eligible", index).isEqualTo(reasons.isEmpty());
    }

    static List<String> codes(ScreeningResult result) {
        return result.findings().stream().map(Finding::code).toList();
    }

    static Finding onlyFinding(ScreeningResult result, String code) {
        List<Finding> found = result.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("findings with code %s among %s", code, result.findings()).hasSize(1);
        return found.get(0);
    }

    /** A summarised worker finding: "N workers" as its subject, and the count in both messages. */
    private static void assertFinding(Finding finding, String code, Severity severity, String group, int workers) {
        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.group()).isEqualTo(group);
        assertThat(finding.subject()).isEqualTo(workers + " workers");
        assertThat(finding.messageVi()).isNotBlank().endsWith("(" + workers + " người lao động)");
        assertThat(finding.messageEn()).isNotBlank().endsWith("(" + workers + " workers)");
        assertThat(finding.messageVi()).isNotEqualTo(finding.messageEn());
    }
}
