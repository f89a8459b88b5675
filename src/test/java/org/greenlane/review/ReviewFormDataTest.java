package org.greenlane.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.screening.TestChanges.doses;
import static org.greenlane.screening.TestChanges.driver;
import static org.greenlane.screening.TestChanges.driverDoses;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.medicalPlan;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.responsePlan;
import static org.greenlane.screening.TestChanges.shuttle;
import static org.greenlane.screening.TestChanges.shuttles;
import static org.greenlane.screening.TestChanges.untested;
import static org.greenlane.screening.TestChanges.workers;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.review.ReviewStore.Review;
import org.greenlane.rules.TestRules;
import org.greenlane.screening.Screener;
import org.greenlane.screening.ScreeningResult.WorkerEligibility;
import org.greenlane.screening.ScreeningResult;
import org.greenlane.system.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each group's form shows, from an application screened with the shipped rules: two ineligible workers, an
 * unvaccinated worker and driver, two commuters, and a lodging address another enterprise already uses.
 */
class ReviewFormDataTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SITE_ADDRESS = "Thôn Nguộn, xã Ngọc Thiện, Tân Yên";
    private static final List<String> COMMON = List.of(
            "workerCount", "eligibleCount", "ruleSetVersion", "findings");

    /** Workers 1–6: 1 lives under lockdown, 2 has no test, 3 is unvaccinated, 5 and 6 ride the shuttle. */
    private final ApplicationDocument application = shuttles(
            workers(workers(workers(workers(clean(6),
                    w -> residence(w, "Việt Yên", "Vân Trung"), 0),
                    w -> untested(w), 1),
                    w -> doses(w, 0), 2),
                    w -> lodging(w, null, "XE-1"), 4, 5),
            driver(shuttle(clean(6), 45), d -> driverDoses(d, 0)));
    private final ScreeningResult screening = new Screener(VIETNAM).screen(TestRules.shipped(), application,
            Map.of(Keys.of(SITE_ADDRESS), 1), NOW);

    @Test
    void healthSeesEligibilityTheVaccinationPriorityListAndTheMedicalPlan() {
        Map<String, Object> data = formOf("health");

        assertThat(data).containsOnlyKeys(with("ineligibleCount", "ineligibleWorkers", "vaccinationPriority",
                "medicalPlan"));
        assertThat(data).containsEntry("workerCount", 6).containsEntry("eligibleCount", 4)
                .containsEntry("ineligibleCount", 2);
        assertThat(text(data, "ineligibleWorkers")).isEqualTo("""
                - Nguyễn Văn Công 1 (024000000001): W-LOCKDOWN-RESIDENCE
                - Nguyễn Văn Công 2 (024000000002): W-NO-RECENT-PCR""");
        assertThat(text(data, "vaccinationPriority")).contains(
                "- Nguyễn Văn Công 3 (024000000003) — người lao động / worker",
                "- Trần Văn Lái (024099999999) — lái xe / driver");
        assertThat(text(data, "medicalPlan")).contains(
                "Nhân viên y tế / Medical staff: 1 (cho / for 4 người đủ điều kiện / eligible workers)",
                "Phòng cách ly tạm thời / Isolation room: có / yes",
                "Vùng đệm / Buffer zone: có / yes",
                "Điện thoại liên hệ / Contact phone: 0204 3855 123",
                "  Cách ly tại phòng y tế, báo Trung tâm Y tế huyện trong 1 giờ");
        assertThat(text(data, "findings")).contains("W-LOCKDOWN-RESIDENCE", "W-NO-RECENT-PCR",
                "W-VACCINATION-PRIORITY", "Lives in a commune under lockdown")
                .doesNotContain("H-SITE-SHARED", "T-DRIVER-VACCINATION-PRIORITY");
    }

    @Test
    void housingSeesEachAccommodationWithCapacityResidentsAndTheSharedSiteFinding() {
        Map<String, Object> data = formOf("housing");

        assertThat(data).containsOnlyKeys(with("accommodations"));
        assertThat(text(data, "accommodations")).isEqualTo("""
                KTX-1 · Ký túc xá số 1 — Thôn Nguộn, xã Ngọc Thiện, Tân Yên
                  Sức chứa / Capacity: 56 · Bố trí / Assigned: 4 (đủ điều kiện / eligible: 2) · Còn trống / Free: 52
                  Người ở / Residents: Nguyễn Văn Công 1, Nguyễn Văn Công 2, Nguyễn Văn Công 3, Nguyễn Văn Công 4
                  ⚠ [BLOCKER] H-SITE-SHARED (housing, Ký túc xá số 1): Địa chỉ nơi ở Thôn Nguộn, xã Ngọc Thiện, \
                Tân Yên đang được doanh nghiệp khác sử dụng; mỗi khu chỉ dành cho một doanh nghiệp. / The \
                accommodation address Thôn Nguộn, xã Ngọc Thiện, Tân Yên is used by another enterprise; one site, \
                one enterprise.
                Không ở tập trung, đi xe đưa đón / Commuting by shuttle: 2 người / workers""");
        assertThat(text(data, "findings")).contains("H-SITE-SHARED").doesNotContain("W-", "T-");
    }

    @Test
    void labourSeesTheRosterAgainstTheEligibleCountAndThePark() {
        Map<String, Object> data = formOf("labour");

        assertThat(data).containsOnlyKeys(with("ineligibleCount", "roster"));
        assertThat(text(data, "roster")).isEqualTo("""
                Khu công nghiệp / Industrial park: Quang Châu
                Địa chỉ / Address: Lô A1, KCN Quang Châu, Việt Yên, Bắc Giang
                Ngành nghề / Sector: Điện tử
                Ngày dự kiến hoạt động lại / Planned restart: 25/06/2021
                Danh sách lao động / Roster: 6 người / workers
                Đủ điều kiện / Eligible: 4 (67%)
                Không đủ điều kiện / Ineligible: 2
                  - W-LOCKDOWN-RESIDENCE: 1
                  - W-NO-RECENT-PCR: 1
                Ở tập trung / Lodged: 4 · Đi xe đưa đón / By shuttle: 2""");
        assertThat(text(data, "findings")).isEqualTo("Không có phát hiện nào / No findings.");
    }

    @Test
    void transportSeesEachShuttleWithSeatsPassengersAndItsDriver() {
        Map<String, Object> data = formOf("transport");

        assertThat(data).containsOnlyKeys(with("shuttles"));
        assertThat(text(data, "shuttles")).isEqualTo("""
                XE-1 · 98B-123.45 — 45 chỗ / seats, 2 hành khách / passengers (4% số chỗ / of seats)
                  Hành khách / Passengers: Nguyễn Văn Công 5, Nguyễn Văn Công 6
                  Lái xe / Driver: Trần Văn Lái (024099999999) — 0 mũi vắc-xin / vaccine doses; xét nghiệm gần nhất \
                / latest test: PCR NEGATIVE, 19/06/2021 21:00 GMT+07:00 (12 giờ trước sàng lọc / hours before screening)
                  ⚠ [INFO] T-DRIVER-VACCINATION-PRIORITY (transport, 98B-123.45): Lái xe Trần Văn Lái chưa tiêm \
                vắc-xin: ưu tiên tiêm chủng. / Driver Trần Văn Lái is unvaccinated: a vaccination priority.""");
        assertThat(text(data, "findings")).contains("T-DRIVER-VACCINATION-PRIORITY").doesNotContain("W-", "H-");
    }

    @Test
    void steeringSeesTheFourVerdictsWithCommentsAndEveryFinding() {
        List<Review> round = List.of(
                new Review("health", "APPROVE", null, "health1", NOW),
                new Review("labour", "REQUEST_CHANGES", "Thiếu danh sách\nca làm việc", "labour1", NOW),
                new Review("housing", "REJECT", "Khu ở dùng chung", "housing1", NOW.plusSeconds(600)));

        Map<String, Object> data = ReviewFormData.of("steering", application, screening, round, ZONE);

        assertThat(data).containsOnlyKeys(with("ineligibleCount", "groupVerdicts"));
        assertThat(text(data, "groupVerdicts")).isEqualTo("""
                Tổ Y tế (Health): Đồng ý / APPROVE — health1, 20/06/2021 09:00 GMT+07:00
                Tổ Nơi ở (Housing): Từ chối / REJECT — housing1, 20/06/2021 09:10 GMT+07:00
                  Ý kiến / Comment: Khu ở dùng chung
                Tổ Lao động (Labour): Yêu cầu bổ sung / REQUEST_CHANGES — labour1, 20/06/2021 09:00 GMT+07:00
                  Ý kiến / Comment: Thiếu danh sách ca làm việc
                Tổ Vận chuyển (Transport): chưa quyết định / no decision yet""");
        assertThat(text(data, "findings")).contains("H-SITE-SHARED", "T-DRIVER-VACCINATION-PRIORITY",
                "W-LOCKDOWN-RESIDENCE", "W-NO-RECENT-PCR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"health", "housing", "labour", "transport", "steering"})
    void everyFormShowsTheRuleSetThatScreenedIt(String group) {
        Map<String, Object> data = formOf(group);

        assertThat(text(data, "ruleSetVersion"))
                .isEqualTo(screening.ruleSetVersion() + " — sàng lọc lúc / screened at 20/06/2021 09:00 GMT+07:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"health", "housing", "labour", "transport", "steering"})
    void aHugeApplicationStillFitsEveryTextInWhatTheEngineStores(String group) {
        // given 20,000 ineligible workers in one site and one shuttle, and a response plan of 20,000 characters
        ApplicationDocument huge = medicalPlan(clean(ApplicationDocument.MAX_WORKERS),
                m -> responsePlan(m, "Gọi 115 và cách ly ngay.\n".repeat(800)));
        List<WorkerEligibility> verdicts = huge.workers().stream()
                .map(w -> new WorkerEligibility(w.citizenId(), w.fullName(), false, List.of("W-NO-RECENT-PCR")))
                .toList();
        ScreeningResult screened = new ScreeningResult("v9", "c", NOW, verdicts.size(), 0, verdicts.size(),
                screening.findings(), List.of(), verdicts);

        Map<String, Object> data = ReviewFormData.of(group, huge, screened, List.of(), ZONE);

        assertThat(data.values()).allSatisfy(value -> assertThat(value.toString()).hasSizeLessThan(4000));
        if (group.equals("health")) {
            assertThat(text(data, "ineligibleWorkers")).startsWith("- Nguyễn Văn Công 1 (024000000001)")
                    .endsWith("more lines, see the application API");
            assertThat(text(data, "medicalPlan")).contains("Gọi 115").endsWith("see the application API");
        }
        if (group.equals("housing")) {
            assertThat(text(data, "accommodations")).contains("Assigned: 20000", "… (+19980)");
        }
    }

    private Map<String, Object> formOf(String group) {
        return ReviewFormData.of(group, application, screening, List.of(), ZONE);
    }

    private static String text(Map<String, Object> data, String key) {
        assertThat(data).containsKey(key);
        return (String) data.get(key);
    }

    private static String[] with(String... extra) {
        return java.util.stream.Stream.concat(COMMON.stream(), java.util.Arrays.stream(extra)).toArray(String[]::new);
    }
}
