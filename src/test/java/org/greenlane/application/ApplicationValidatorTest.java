package org.greenlane.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.TestApplications.withWorker;
import static org.greenlane.TestApplications.withWorkers;
import static org.greenlane.screening.TestChanges.medicalPlan;
import static org.greenlane.screening.TestChanges.responsePlan;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Driver;
import org.greenlane.application.ApplicationDocument.Enterprise;
import org.greenlane.application.ApplicationDocument.MedicalPlan;
import org.greenlane.application.ApplicationDocument.Residence;
import org.greenlane.application.ApplicationDocument.Shuttle;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The intake rules on a real Bean Validation provider, without Spring. */
class ApplicationValidatorTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private final ApplicationValidator validator = new ApplicationValidator(FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void cleanApplicationPasses() {
        assertThatCode(() -> validator.check(clean(3))).doesNotThrowAnyException();
    }

    @Test
    void missingSectionsAreNamed() {
        ApplicationDocument a = clean(2);
        ApplicationDocument missing = new ApplicationDocument(null, null, List.of(), a.accommodations(), null, null);

        assertThat(fields(missing))
                .containsExactlyInAnyOrder("enterprise", "plannedRestartDate", "workers", "shuttles", "medicalPlan");
    }

    @Test
    void missingNestedFieldsAreNamedByTheirPath() {
        ApplicationDocument a = medicalPlan(clean(2), p -> new MedicalPlan(null, null, p.bufferZone(),
                p.infectionResponsePlan(), p.contactPhone()));
        a = withWorker(a, 1, w -> new Worker(w.citizenId(), " ", null, null, null, null, null, null));

        assertThat(fields(a)).containsExactlyInAnyOrder("medicalPlan.medicalStaff", "medicalPlan.isolationRoom",
                "workers[1].fullName", "workers[1].residence", "workers[1].tests", "workers[1].vaccinationDoses");
    }

    @Test
    void aNullEntryOfAListIsNamedByItsIndex() {
        List<Worker> roster = new ArrayList<>(clean(3).workers());
        roster.set(1, null);
        List<ApplicationDocument.Test> tests = Arrays.asList(TestApplications.negativePcr(10), null);

        ApplicationDocument a = withWorker(withWorkers(clean(3), roster), 2, w -> TestApplications.withTests(w, tests));

        assertThat(fields(a)).containsExactlyInAnyOrder("workers[1]", "workers[2].tests[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2400123456", "2400123456-001"})
    void taxCodeOfTenOrTenDashThreeDigitsPasses(String taxCode) {
        assertThat(fields(withTaxCode(clean(1), taxCode))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "240012345", "24001234567", "2400123456-01", "2400123456001", "24001234AB",
            " 2400123456"})
    void malformedTaxCodeIsRefused(String taxCode) {
        List<FieldProblem> problems = problems(withTaxCode(clean(1), taxCode));

        assertThat(problems).extracting(FieldProblem::field).containsOnly("enterprise.taxCode");
    }

    @Test
    void malformedTaxCodeSaysWhatIsExpected() {
        assertThat(problems(withTaxCode(clean(1), "12345")))
                .containsExactly(
                        new FieldProblem("enterprise.taxCode", "must be a tax code of 10 digits, or 10-3 digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"024012345", "024000000001"})
    void citizenIdOfNineOrTwelveDigitsPasses(String citizenId) {
        assertThat(fields(withWorker(clean(2), 0, w -> withCitizenId(w, citizenId)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02401234", "0240123456", "02400000000", "0240000000012", "C24000000001"})
    void malformedCitizenIdIsRefused(String citizenId) {
        assertThat(fields(withWorker(clean(2), 1, w -> withCitizenId(w, citizenId))))
                .containsOnly("workers[1].citizenId");
    }

    @Test
    void malformedDriverCitizenIdIsRefused() {
        ApplicationDocument a = withShuttle(clean(1), s -> new Shuttle(s.id(), s.plate(), s.seats(),
                new Driver("12-34", s.driver().fullName(), s.driver().tests(), s.driver().vaccinationDoses())));

        assertThat(fields(a)).containsExactly("shuttles[0].driver.citizenId");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void vaccinationDosesOutsideZeroToTenAreRefused(int doses) {
        assertThat(fields(withWorker(clean(1), 0, w -> withDoses(w, doses))))
                .containsExactly("workers[0].vaccinationDoses");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10})
    void vaccinationDosesFromZeroToTenPass(int doses) {
        assertThat(fields(withWorker(clean(1), 0, w -> withDoses(w, doses)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 100_001})
    void accommodationCapacityMustBePositiveAndSane(int capacity) {
        ApplicationDocument a = clean(1);
        Accommodation site = a.accommodations().get(0);
        a = new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(),
                List.of(new Accommodation(site.id(), site.name(), site.address(), capacity)), a.shuttles(),
                a.medicalPlan());

        assertThat(fields(a)).containsExactly("accommodations[0].capacity");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1})
    void shuttleSeatsOutsideOneToHundredAreRefused(int seats) {
        ApplicationDocument a = withShuttle(clean(1), s -> new Shuttle(s.id(), s.plate(), seats, s.driver()));

        assertThat(fields(a)).containsExactly("shuttles[0].seats");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void shuttleSeatsFromOneToHundredPass(int seats) {
        ApplicationDocument a = withShuttle(clean(1), s -> new Shuttle(s.id(), s.plate(), seats, s.driver()));

        assertThat(fields(a)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10_001})
    void medicalStaffOutsideZeroToTenThousandIsRefused(int staff) {
        ApplicationDocument a = medicalPlan(clean(1), p -> new MedicalPlan(staff, p.isolationRoom(),
                p.bufferZone(), p.infectionResponsePlan(), p.contactPhone()));

        assertThat(fields(a)).containsExactly("medicalPlan.medicalStaff");
    }

    @Test
    void testSampledInTheFutureIsRefused() {
        // Bean Validation measures "future" against the real clock, not the tests' fixed NOW.
        var tomorrow = new ApplicationDocument.Test(TestType.PCR, OffsetDateTime.now().plusDays(1),
                TestResult.NEGATIVE);
        ApplicationDocument a = withWorker(clean(5), 3,
                w -> TestApplications.withTests(w, List.of(TestApplications.negativePcr(20), tomorrow)));

        assertThat(fields(a)).containsExactly("workers[3].tests[1].sampledAt");
    }

    @Test
    void closeContactInTheFutureIsRefused() {
        ApplicationDocument a = withWorker(clean(2), 1, w -> withCloseContact(w, LocalDate.now().plusDays(2)));

        assertThat(fields(a)).containsExactly("workers[1].closeContactSince");
    }

    @Test
    void closeContactInThePastPasses() {
        ApplicationDocument a = withWorker(clean(2), 1, w -> withCloseContact(w, LocalDate.of(2021, 6, 10)));

        assertThat(fields(a)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\t", "\n", "\r", "\u001B", "\u007F", "\u0085", "\u2028"})
    void controlCharactersAndLineBreaksInANameAreRefused(String character) {
        ApplicationDocument a = withWorker(clean(2), 1, w -> withFullName(w, "Nguyễn" + character + "Thị Hoa"));

        assertThat(fields(a)).containsExactly("workers[1].fullName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200E", "\u200F", "\u061C"})
    void bidirectionalControlsAreRefusedInNamesAndInFreeText(String character) {
        ApplicationDocument a = withWorker(clean(1), 0, w -> withFullName(w, "Hoa" + character + " Nguyễn"));
        a = withPlan(a, "Cách ly" + character + " tại chỗ");

        assertThat(fields(a)).containsExactlyInAnyOrder("workers[0].fullName", "medicalPlan.infectionResponsePlan");
    }

    @Test
    void theMessageNamesTheCharacterAndWhereItIs() {
        ApplicationDocument a = withWorker(clean(1), 0, w -> withFullName(w, "Hoà\u0000ng"));

        assertThat(problems(a)).containsExactly(new FieldProblem("workers[0].fullName",
                "must not contain control characters or line breaks: U+0000 at character 4"));
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        ApplicationDocument a = withWorker(clean(1), 0, w -> withFullName(w, "Hoa \uD83D"));

        assertThat(fields(a)).containsExactly("workers[0].fullName");
    }

    @Test
    void vietnameseTextAndOtherScriptsPass() {
        ApplicationDocument a = withWorker(clean(2), 0, w -> withFullName(w, "Nguyễn Thị Hoa"));
        a = withWorker(a, 1, w -> new Worker(w.citizenId(), "Đặng Thị Hường 👷 李小龍", new Residence("Việt Yên",
                "Song Khê – Nội Hoàng"), w.tests(), w.vaccinationDoses(), w.closeContactSince(),
                w.accommodationId(), w.shuttleId()));

        assertThat(fields(a)).isEmpty();
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksButNoOtherControlCharacter() {
        ApplicationDocument lines = withPlan(clean(1), "Bước 1:\tcách ly\r\nBước 2:\tbáo Trung tâm Y tế\u2028");
        ApplicationDocument bell = withPlan(clean(1), "Bước 1:\u0007 cách ly");

        assertThat(fields(lines)).isEmpty();
        assertThat(fields(bell)).containsExactly("medicalPlan.infectionResponsePlan");
    }

    @Test
    void datesBeforeThePandemicAreRefused() {
        var old = new ApplicationDocument.Test(TestType.PCR, OffsetDateTime.parse("2019-12-31T23:00:00+07:00"),
                TestResult.NEGATIVE);
        ApplicationDocument a = withPlannedRestart(clean(3), LocalDate.of(1900, 1, 1));
        a = withWorker(a, 1, w -> TestApplications.withTests(w, List.of(old)));
        a = withWorker(a, 2, w -> withCloseContact(w, LocalDate.MIN));

        assertThat(problems(a)).extracting(FieldProblem::field).containsExactlyInAnyOrder("plannedRestartDate",
                "workers[1].tests[0].sampledAt", "workers[2].closeContactSince");
        assertThat(problems(a)).extracting(FieldProblem::message).allMatch(m -> m.contains("2020-01-01"));
    }

    @Test
    void theFirstDayOfThePandemicPasses() {
        var first = new ApplicationDocument.Test(TestType.PCR, OffsetDateTime.parse("2020-01-01T00:00:00+07:00"),
                TestResult.NEGATIVE);
        ApplicationDocument a = withPlannedRestart(clean(2), LocalDate.of(2020, 1, 1));
        a = withWorker(a, 1, w -> withCloseContact(TestApplications.withTests(w, List.of(first)),
                LocalDate.of(2020, 1, 1)));

        assertThat(fields(a)).isEmpty();
    }

    @Test
    void plannedRestartMoreThanAYearAheadIsRefused() {
        // Like @PastOrPresent, "today" is the real clock's here, not the tests' fixed NOW.
        LocalDate lastAccepted = LocalDate.now().plusYears(1);

        assertThat(fields(withPlannedRestart(clean(1), lastAccepted.minusDays(1)))).isEmpty();
        assertThat(problems(withPlannedRestart(clean(1), lastAccepted.plusDays(1)))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("plannedRestartDate");
                    assertThat(problem.message()).contains(lastAccepted.toString());
                });
        assertThat(fields(withPlannedRestart(clean(1), LocalDate.MAX))).containsExactly("plannedRestartDate");
    }

    @Test
    void repeatedCitizenIdIsNamedWhereItRepeatsAndPointsToTheFirst() {
        String first = clean(4).workers().get(0).citizenId();
        ApplicationDocument a = withWorker(clean(4), 2, w -> withCitizenId(w, first));

        assertThat(problems(a)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("workers[2].citizenId");
            assertThat(problem.message()).contains("workers[0]").contains(first);
        });
    }

    @Test
    void repeatedAccommodationAndShuttleIdsAreNamed() {
        ApplicationDocument a = clean(2);
        Accommodation site = a.accommodations().get(0);
        Shuttle shuttle = a.shuttles().get(0);
        a = new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(),
                List.of(site, new Accommodation("KTX-2", "Nhà trọ", "Xã Song Khê", 20), site),
                List.of(shuttle, shuttle), a.medicalPlan());

        List<FieldProblem> problems = problems(a);

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("accommodations[2].id", "shuttles[1].id");
        assertThat(problems).filteredOn(p -> p.field().equals("accommodations[2].id"))
                .singleElement().extracting(FieldProblem::message).asString().contains("accommodations[0].id");
    }

    @Test
    void referenceToAnUnknownAccommodationOrShuttleIsRefused() {
        ApplicationDocument a = withWorker(clean(3), 1, w -> withLodging(w, "KTX-9", w.shuttleId()));
        a = withWorker(a, 2, w -> withLodging(w, w.accommodationId(), "XE-404"));

        List<FieldProblem> problems = problems(a);

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("workers[1].accommodationId", "workers[2].shuttleId");
        assertThat(problems).extracting(FieldProblem::message).anyMatch(m -> m.contains("KTX-9"))
                .anyMatch(m -> m.contains("XE-404"));
    }

    @Test
    void knownShuttleIdPasses() {
        assertThat(fields(withWorker(clean(2), 0, w -> withLodging(w, w.accommodationId(), "XE-1")))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ApplicationDocument a = withTaxCode(clean(4), "123");
        a = withWorker(a, 0, w -> withDoses(w, -1));
        a = withWorker(a, 1, w -> withLodging(w, "KTX-9", null));
        a = withWorker(a, 3, w -> withCitizenId(w, clean(4).workers().get(2).citizenId()));
        a = withWorker(a, 3, w -> TestApplications.withTests(w, List.of(new ApplicationDocument.Test(null,
                OffsetDateTime.now().plusHours(2), TestResult.NEGATIVE))));
        a = withShuttle(a, s -> new Shuttle(s.id(), s.plate(), 0, s.driver()));
        a = medicalPlan(a, p -> new MedicalPlan(p.medicalStaff(), null, p.bufferZone(), p.infectionResponsePlan(),
                "call us"));

        assertThat(fields(a)).containsExactlyInAnyOrder(
                "enterprise.taxCode",
                "workers[0].vaccinationDoses",
                "workers[1].accommodationId",
                "workers[3].citizenId",
                "workers[3].tests[0].type",
                "workers[3].tests[0].sampledAt",
                "shuttles[0].seats",
                "medicalPlan.isolationRoom",
                "medicalPlan.contactPhone");
    }

    @Test
    void problemsComeSortedByField() {
        ApplicationDocument a = withWorker(withTaxCode(clean(2), "1"), 1, w -> withDoses(w, 99));

        assertThat(problems(a)).extracting(FieldProblem::field)
                .containsExactly("enterprise.taxCode", "workers[1].vaccinationDoses");
    }

    @Test
    void rosterAboveTheMaximumIsRefused() {
        ApplicationDocument a = clean(ApplicationDocument.MAX_WORKERS + 1);

        assertThat(problems(a)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("workers");
            assertThat(problem.message()).contains(String.valueOf(ApplicationDocument.MAX_WORKERS));
        });
    }

    @Test
    void rosterOfExactlyTheMaximumPasses() {
        assertThat(fields(clean(ApplicationDocument.MAX_WORKERS))).isEmpty();
    }

    private List<FieldProblem> problems(ApplicationDocument application) {
        try {
            validator.check(application);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }

    private Set<String> fields(ApplicationDocument application) {
        return problems(application).stream().map(FieldProblem::field).collect(Collectors.toSet());
    }

    private static ApplicationDocument withTaxCode(ApplicationDocument a, String taxCode) {
        Enterprise e = a.enterprise();
        return new ApplicationDocument(new Enterprise(taxCode, e.name(), e.industrialPark(), e.address(), e.sector()),
                a.plannedRestartDate(), a.workers(), a.accommodations(), a.shuttles(), a.medicalPlan());
    }

    private static ApplicationDocument withShuttle(ApplicationDocument a, UnaryOperator<Shuttle> change) {
        return new ApplicationDocument(a.enterprise(), a.plannedRestartDate(), a.workers(), a.accommodations(),
                List.of(change.apply(a.shuttles().get(0))), a.medicalPlan());
    }

    private static ApplicationDocument withPlannedRestart(ApplicationDocument a, LocalDate date) {
        return new ApplicationDocument(a.enterprise(), date, a.workers(), a.accommodations(), a.shuttles(),
                a.medicalPlan());
    }

    private static ApplicationDocument withPlan(ApplicationDocument a, String infectionResponsePlan) {
        return medicalPlan(a, p -> responsePlan(p, infectionResponsePlan));
    }

    private static Worker withFullName(Worker w, String fullName) {
        return new Worker(w.citizenId(), fullName, w.residence(), w.tests(), w.vaccinationDoses(),
                w.closeContactSince(), w.accommodationId(), w.shuttleId());
    }

    private static Worker withCitizenId(Worker w, String citizenId) {
        return new Worker(citizenId, w.fullName(), w.residence(), w.tests(), w.vaccinationDoses(),
                w.closeContactSince(), w.accommodationId(), w.shuttleId());
    }

    private static Worker withDoses(Worker w, int doses) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), doses, w.closeContactSince(),
                w.accommodationId(), w.shuttleId());
    }

    private static Worker withCloseContact(Worker w, LocalDate since) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), w.vaccinationDoses(), since,
                w.accommodationId(), w.shuttleId());
    }

    private static Worker withLodging(Worker w, String accommodationId, String shuttleId) {
        return new Worker(w.citizenId(), w.fullName(), w.residence(), w.tests(), w.vaccinationDoses(),
                w.closeContactSince(), accommodationId, shuttleId);
    }
}
