package org.greenlane.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.TestApplications.negativePcr;
import static org.greenlane.screening.TestChanges.accommodations;
import static org.greenlane.screening.TestChanges.bufferZone;
import static org.greenlane.screening.TestChanges.driver;
import static org.greenlane.screening.TestChanges.driverDoses;
import static org.greenlane.screening.TestChanges.driverTests;
import static org.greenlane.screening.TestChanges.firstWorkers;
import static org.greenlane.screening.TestChanges.isolationRoom;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.medicalPlan;
import static org.greenlane.screening.TestChanges.medicalStaff;
import static org.greenlane.screening.TestChanges.park;
import static org.greenlane.screening.TestChanges.responsePlan;
import static org.greenlane.screening.TestChanges.shuttle;
import static org.greenlane.screening.TestChanges.shuttles;
import static org.greenlane.screening.TestChanges.test;
import static org.greenlane.screening.TestChanges.workers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Driver;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.rules.TestRuleFolders;
import org.greenlane.rules.TestRules;
import org.greenlane.system.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application criteria of the v1 policy with the shipped rule files: each one at its boundaries, with its exact
 * code, severity, working group and subject.
 */
class ApplicationCriteriaTest {

    private static final String SITE = "Ký túc xá số 1";
    private static final String SITE_ADDRESS = "Thôn Nguộn, xã Ngọc Thiện, Tân Yên";
    private static final String PLATE = "98B-123.45";

    private final Screener screener = new Screener(VIETNAM);

    @Test
    void cleanApplicationHasNoFinding() {
        ScreeningResult result = screen(clean(10));

        assertThat(result.findings()).isEmpty();
        assertThat(result.hasBlockers()).isFalse();
    }

    // ------------------------------------------------------------------ labour: parks

    @ParameterizedTest(name = "park \"{0}\" is in the table")
    @ValueSource(strings = {"Quang Châu", "quang chau", "QUANG CHÂU", "  Quang   Châu ", "Song Khê – Nội Hoàng",
            "song khe - noi hoang", "Song Khe-Noi Hoang", "SONG KHÊ — NỘI HOÀNG", "dinh tram", "ĐÌNH TRÁM",
            "Hoà Phú", "viet han"})
    void parkInTheTableMatchesWhateverItsAccentsCaseAndDashes(String park) {
        ScreeningResult result = screen(park(clean(3), park));

        assertThat(codes(result)).doesNotContain("A-PARK-UNKNOWN", "A-PARK-CLOSED");
    }

    @ParameterizedTest(name = "park \"{0}\" is not in the table")
    @ValueSource(strings = {"Yên Phong", "Quang Châu 2", "Song Khê", "Khu công nghiệp không tồn tại"})
    void parkNotInTheTableIsABlocker(String park) {
        ScreeningResult result = screen(park(clean(3), park));

        Finding finding = assertOnly(result, "A-PARK-UNKNOWN", Severity.BLOCKER, "labour", park);
        assertThat(finding.messageVi()).contains(park);
        assertThat(finding.messageEn()).contains(park);
        assertThat(result.hasBlockers()).isTrue();
    }

    @ParameterizedTest(name = "park typed \"{0}\"")
    @ValueSource(strings = {"Quang Châu", "quang chau", "QUANG CHAU"})
    void closedParkIsABlocker(String typed, @TempDir Path rulesCopy) {
        ScreeningRules quangChauClosed = TestRuleFolders.shippedWithParkStatus(rulesCopy, "Quang Châu", "CLOSED");

        ScreeningResult closed = screener.screen(quangChauClosed, park(clean(3), typed), Map.of(), NOW);
        ScreeningResult open = screener.screen(quangChauClosed, park(clean(3), "Đình Trám"), Map.of(), NOW);

        Finding finding = assertOnly(closed, "A-PARK-CLOSED", Severity.BLOCKER, "labour", "Quang Châu");
        assertThat(finding.messageVi()).contains("Quang Châu");
        assertThat(finding.messageEn()).contains("Quang Châu");
        assertThat(codes(closed)).containsExactly("A-PARK-CLOSED");
        assertThat(open.findings()).isEmpty();
    }

    // ------------------------------------------------------------------ labour: eligibility

    @Test
    void noEligibleWorkerIsABlocker() {
        ApplicationDocument application = clean(3);
        ScreeningResult result = screen(firstWorkers(application, 3, TestChanges::untested));

        assertThat(result.eligibleCount()).isZero();
        assertOnly(result, "A-NO-ELIGIBLE-WORKERS", Severity.BLOCKER, "labour", application.enterprise().name());
        assertThat(result.hasBlockers()).isTrue();
    }

    @Test
    void oneEligibleWorkerIsEnoughToAvoidTheNoEligibleBlocker() {
        ScreeningResult result = screen(firstWorkers(clean(2), 1, TestChanges::untested));

        assertThat(result.eligibleCount()).isEqualTo(1);
        assertThat(codes(result)).doesNotContain("A-NO-ELIGIBLE-WORKERS");
    }

    @ParameterizedTest(name = "{1} of {0} eligible: warning {2}")
    @CsvSource({
            "10,  4,  true",
            "10,  5,  false",
            "10,  6,  false",
            "100, 49, true",
            "100, 50, false",
            "100, 51, false",
            "11,  5,  true",  // 45 %
            "11,  6,  false", // 55 %
            "3,   1,  true",
            "2,   1,  false"})
    void lessThanHalfTheRosterEligibleIsAWarning(int roster, int eligible, boolean warns) {
        ApplicationDocument application = clean(roster);
        ScreeningResult result = screen(firstWorkers(application, roster - eligible, TestChanges::untested));

        assertThat(result.eligibleCount()).isEqualTo(eligible);
        if (warns) {
            Finding finding = assertOnly(result, "A-LOW-ELIGIBILITY", Severity.WARNING, "labour",
                    application.enterprise().name());
            assertThat(finding.messageVi()).contains(eligible + "/" + roster);
            assertThat(finding.messageEn()).contains(eligible + " of " + roster);
            assertThat(result.hasBlockers()).as("a warning alone blocks nothing").isFalse();
        } else {
            assertThat(codes(result)).doesNotContain("A-LOW-ELIGIBILITY");
        }
    }

    // ------------------------------------------------------------------ housing

    @ParameterizedTest(name = "10 workers in a site for {0}: blocker {1}")
    @CsvSource({"11, false", "10, false", "9, true", "1, true"})
    void accommodationMustNotExceedItsCapacity(int capacity, boolean blocks) {
        ScreeningResult result = screen(accommodations(clean(10),
                new Accommodation("KTX-1", SITE, SITE_ADDRESS, capacity)));

        if (blocks) {
            Finding finding = assertOnly(result, "H-SITE-OVER-CAPACITY", Severity.BLOCKER, "housing", SITE);
            assertThat(finding.messageVi()).contains("10", String.valueOf(capacity));
            assertThat(finding.messageEn()).contains("10 workers", "capacity of " + capacity);
        } else {
            assertThat(result.findings()).isEmpty();
        }
    }

    @Test
    void eachSiteIsCheckedAgainstItsOwnCapacity() {
        ApplicationDocument application = accommodations(clean(10),
                new Accommodation("KTX-1", SITE, SITE_ADDRESS, 5),
                new Accommodation("KTX-2", "Ký túc xá số 2", "Thôn Đồng, xã Nội Hoàng, Yên Dũng", 4));
        application = firstWorkers(application, 5, w -> lodging(w, "KTX-2", null));

        ScreeningResult result = screen(application);

        assertOnly(result, "H-SITE-OVER-CAPACITY", Severity.BLOCKER, "housing", "Ký túc xá số 2");
    }

    @ParameterizedTest(name = "other enterprises at {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Thôn Nguộn, xã Ngọc Thiện, Tân Yên   | 1 | true",
            "thon nguon, xa ngoc thien, tan yen   | 2 | true",
            "Thôn Nguộn, xã Ngọc Thiện, Tân Yên   | 0 | false",
            "Thôn Đồng, xã Nội Hoàng, Yên Dũng    | 1 | false"})
    void siteUsedByAnotherEnterpriseIsABlocker(String otherAddress, int others, boolean blocks) {
        ScreeningResult result = screener.screen(TestRules.shipped(), clean(3), Map.of(Keys.of(otherAddress), others),
                NOW);

        if (blocks) {
            Finding finding = assertOnly(result, "H-SITE-SHARED", Severity.BLOCKER, "housing", SITE);
            assertThat(finding.messageVi()).contains(SITE_ADDRESS);
            assertThat(finding.messageEn()).contains(SITE_ADDRESS);
        } else {
            assertThat(result.findings()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ transport

    @Test
    void commuterWithoutAShuttleIsABlocker() {
        ApplicationDocument application = workers(clean(3), w -> lodging(w, null, null), 0);
        application = workers(application, w -> lodging(w, null, "XE-1"), 1);

        ScreeningResult result = screen(application);

        String citizenId = application.workers().get(0).citizenId();
        Finding finding = assertOnly(result, "T-COMMUTER-WITHOUT-SHUTTLE", Severity.BLOCKER, "transport", citizenId);
        assertThat(finding.messageVi()).contains(application.workers().get(0).fullName());
        assertThat(finding.messageEn()).contains(application.workers().get(0).fullName());
        assertThat(codes(result)).containsExactly("T-COMMUTER-WITHOUT-SHUTTLE");
    }

    @ParameterizedTest(name = "{1} passengers on {0} seats: blocker {2}")
    @CsvSource({"45, 22, false", "45, 23, true", "40, 20, false", "40, 21, true", "16, 8, false", "16, 9, true"})
    void shuttleCarriesAtMostHalfItsSeats(int seats, int passengers, boolean blocks) {
        ApplicationDocument application = clean(passengers);
        application = firstWorkers(application, passengers, w -> lodging(w, w.accommodationId(), "XE-1"));
        application = shuttles(application, shuttle(application, seats));

        ScreeningResult result = screen(application);

        if (blocks) {
            Finding finding = assertOnly(result, "T-SHUTTLE-OVER-HALF", Severity.BLOCKER, "transport", PLATE);
            assertThat(finding.messageVi()).contains(passengers + " người trên " + seats + " chỗ");
            assertThat(finding.messageEn()).contains(passengers + " passengers on " + seats + " seats");
        } else {
            assertThat(result.findings()).isEmpty();
        }
    }

    static Stream<Arguments> driverTestCases() {
        return Stream.of(
                Arguments.of("negative PCR 12 h ago", List.of(negativePcr(12)), false),
                Arguments.of("negative PCR 71 h ago", List.of(negativePcr(71)), false),
                Arguments.of("negative PCR exactly 72 h ago", List.of(negativePcr(72)), false),
                Arguments.of("negative PCR 73 h ago", List.of(negativePcr(73)), true),
                Arguments.of("old PCR and a newer one", List.of(negativePcr(100), negativePcr(30)), false),
                Arguments.of("negative rapid antigen test 1 h ago only",
                        List.of(test(TestType.RAPID_ANTIGEN, TestResult.NEGATIVE, 1)), true),
                Arguments.of("positive PCR 1 h ago only", List.of(test(TestType.PCR, TestResult.POSITIVE, 1)), true),
                Arguments.of("no test", List.of(), true));
    }

    @ParameterizedTest(name = "driver with {0}: blocker {2}")
    @MethodSource("driverTestCases")
    void driverNeedsANegativePcrWithin72Hours(String label, List<ApplicationDocument.Test> tests, boolean blocks) {
        ApplicationDocument application = clean(3);
        application = shuttles(application,
                driver(application.shuttles().get(0), d -> driverTests(d, tests.toArray(ApplicationDocument.Test[]::new))));

        ScreeningResult result = screen(application);

        if (blocks) {
            Finding finding = assertOnly(result, "T-DRIVER-NO-RECENT-PCR", Severity.BLOCKER, "transport", PLATE);
            assertThat(finding.messageVi()).contains("Trần Văn Lái");
            assertThat(finding.messageEn()).contains("Trần Văn Lái");
        } else {
            assertThat(result.findings()).isEmpty();
        }
    }

    @Test
    void unvaccinatedDriverIsAVaccinationPriority() {
        ApplicationDocument application = clean(3);
        application = shuttles(application, driver(application.shuttles().get(0), d -> driverDoses(d, 0)));

        ScreeningResult result = screen(application);

        Driver driver = application.shuttles().get(0).driver();
        assertOnly(result, "T-DRIVER-VACCINATION-PRIORITY", Severity.INFO, "transport", PLATE);
        assertThat(result.vaccinationPriority())
                .containsExactly(new VaccinationPriority(driver.citizenId(), driver.fullName(), "DRIVER"));
        assertThat(result.hasBlockers()).isFalse();
    }

    @Test
    void vaccinatedDriverIsNoPriority() {
        ApplicationDocument application = clean(3);
        application = shuttles(application, driver(application.shuttles().get(0), d -> driverDoses(d, 1)));

        ScreeningResult result = screen(application);

        assertThat(result.findings()).isEmpty();
        assertThat(result.vaccinationPriority()).isEmpty();
    }

    // ------------------------------------------------------------------ health: medical plan

    @Test
    void planWithoutABufferZoneIsABlocker() {
        ScreeningResult result = screen(medicalPlan(clean(3), m -> bufferZone(m, false)));

        assertOnly(result, "M-NO-BUFFER-ZONE", Severity.BLOCKER, "health", "medicalPlan.bufferZone");
        assertThat(codes(result)).containsExactly("M-NO-BUFFER-ZONE");
    }

    @Test
    void planWithoutAnIsolationRoomIsABlocker() {
        ScreeningResult result = screen(medicalPlan(clean(3), m -> isolationRoom(m, false)));

        assertOnly(result, "M-NO-ISOLATION-ROOM", Severity.BLOCKER, "health", "medicalPlan.isolationRoom");
        assertThat(codes(result)).containsExactly("M-NO-ISOLATION-ROOM");
    }

    @ParameterizedTest(name = "response plan \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "   \n\t  "})
    void blankInfectionResponsePlanIsABlocker(String plan) {
        ScreeningResult result = screen(medicalPlan(clean(3), m -> responsePlan(m, plan)));

        assertOnly(result, "M-NO-RESPONSE-PLAN", Severity.BLOCKER, "health", "medicalPlan.infectionResponsePlan");
        assertThat(codes(result)).containsExactly("M-NO-RESPONSE-PLAN");
    }

    @Test
    void anyWrittenResponsePlanIsEnough() {
        ScreeningResult result = screen(medicalPlan(clean(3), m -> responsePlan(m, "  Gọi 115  ")));

        assertThat(result.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{1} of {0} eligible, {2} medical staff: blocker {3}")
    @CsvSource({
            "300, 300, 1, false",
            "301, 301, 1, true",
            "301, 301, 2, false",
            "600, 600, 2, false",
            "601, 601, 2, true",
            "601, 601, 3, false",
            "310, 300, 1, false", // ineligible workers need no medical staff
            "1,   1,   0, true",
            "1,   1,   1, false",
            "1,   0,   0, true"}) // no staff always blocks, even with nobody eligible
    void oneMedicalStaffPer300EligibleWorkers(int roster, int eligible, int staff, boolean blocks) {
        ApplicationDocument application = firstWorkers(clean(roster), roster - eligible, TestChanges::untested);
        application = medicalPlan(application, m -> medicalStaff(m, staff));

        ScreeningResult result = screen(application);

        assertThat(result.eligibleCount()).isEqualTo(eligible);
        if (blocks) {
            int needed = Math.max(1, (eligible + 299) / 300);
            Finding finding = assertOnly(result, "M-TOO-FEW-MEDICAL-STAFF", Severity.BLOCKER, "health",
                    "medicalPlan.medicalStaff");
            assertThat(finding.messageVi()).contains("ít nhất " + needed, eligible + " người lao động",
                    "hiện có " + staff);
            assertThat(finding.messageEn()).contains("At least " + needed, eligible + " workers",
                    "the plan has " + staff);
        } else {
            assertThat(codes(result)).doesNotContain("M-TOO-FEW-MEDICAL-STAFF");
        }
    }

    // ------------------------------------------------------------------ helpers

    private ScreeningResult screen(ApplicationDocument application) {
        return screener.screen(TestRules.shipped(), application, Map.of(), NOW);
    }

    private static List<String> codes(ScreeningResult result) {
        return WorkerCriteriaTest.codes(result);
    }

    /** The one finding with {@code code}, checked field by field, with two non-blank messages that differ. */
    private static Finding assertOnly(ScreeningResult result, String code, Severity severity, String group,
                                      String subject) {
        Finding finding = WorkerCriteriaTest.onlyFinding(result, code);
        assertThat(finding.severity()).as("severity of %s", code).isEqualTo(severity);
        assertThat(finding.group()).as("group of %s", code).isEqualTo(group);
        assertThat(finding.subject()).as("subject of %s", code).isEqualTo(subject);
        assertThat(finding.messageVi()).as("Vietnamese message of %s", code).isNotBlank();
        assertThat(finding.messageEn()).as("English message of %s", code).isNotBlank()
                .isNotEqualTo(finding.messageVi());
        return finding;
    }
}
