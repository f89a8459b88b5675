package org.greenlane.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greenlane.HeadlessChromium;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seeds' story replayed: 168 enterprises with 24,207 workers, each with its own account and lodging, approved
 * day by day from 1 to 23 June 2021 through the whole process; then the dashboard shows the province's progress.
 */
class ProvinceReplayTest extends IntegrationTest {

    static final int ENTERPRISES = 168;
    static final int WORKERS = 24_207;
    static final List<String> PARKS = List.of("Vân Trung", "Quang Châu", "Đình Trám", "Song Khê – Nội Hoàng");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void replayOfTheSeedsShowsOnTheDashboard() throws IOException {
        JsonNode before = http.getForObject("/api/reports/progress", JsonNode.class);

        // given 168 enterprises: 167 of 144 workers and one of 159, spread over the four parks
        TestRestTemplate admin = http.withBasicAuth(ADMIN, PASSWORD);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < ENTERPRISES; n++) {
            String taxCode = String.format("24%08d", 70_000 + n);
            String park = PARKS.get(n % PARKS.size());
            admin.postForEntity("/api/enterprises", Map.of("taxCode", taxCode, "name", "Doanh nghiệp mẫu " + n,
                    "industrialPark", park, "password", PASSWORD + "-" + n), JsonNode.class);
            int workers = n == 0 ? WORKERS - 144 * (ENTERPRISES - 1) : 144;
            ids.add(http.withBasicAuth(taxCode, PASSWORD + "-" + n)
                    .postForEntity("/api/applications",
                            TestApplications.seedEnterprise(taxCode, park, n, workers, TestApplications.NOW), JsonNode.class)
                    .getBody().get("id").asText());
        }
        ids.forEach(id -> awaitStatusAsStaff(id, "UNDER_REVIEW"));

        // when the groups and the committee approve them, about eight a day from 1 to 23 June 2021
        for (int n = 0; n < ids.size(); n++) {
            LocalDate day = LocalDate.of(2021, 6, 1).plusDays(n * 23L / ENTERPRISES);
            clock.set(day.atTime(LocalTime.of(16, 0)).atZone(TestApplications.VIETNAM).toInstant());
            approve(ids.get(n));
        }

        // then the API counts them all, the last on 23 June
        JsonNode after = http.getForObject("/api/reports/progress", JsonNode.class);
        assertThat(after.get("approvedEnterprises").asInt() - before.get("approvedEnterprises").asInt())
                .isEqualTo(ENTERPRISES);
        assertThat(after.get("approvedWorkers").asInt() - before.get("approvedWorkers").asInt()).isEqualTo(WORKERS);
        assertThat(after.get("asOf").asText()).isEqualTo("2021-06-23");

        // and the dashboard draws the same figures
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + port + "/dashboard?lang=en");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                    ((JavascriptExecutor) driver).executeScript("return window.greenlaneChart") != null);
            String shown = browser.findElement(By.id("workers")).getText();
            assertThat(shown.replace(",", "")).isEqualTo(after.get("approvedWorkers").asText());
            HeadlessChromium.screenshot(browser, "dashboard-replay.png");
            System.out.printf("replay: %s enterprises / %s workers approved as of %s; dashboard shows %s workers; "
                            + "days %s; targets %s; parks %s%n", after.get("approvedEnterprises"),
                    after.get("approvedWorkers"), after.get("asOf").asText(), shown, after.get("days").size(),
                    after.get("targets").findValuesAsText("state"), summary(after.get("parks")));
        } finally {
            browser.quit();
        }
    }

    private void approve(String id) {
        for (String group : List.of("health", "housing", "labour", "transport", "steering")) {
            decide(id, group, "APPROVE", "");
        }
        awaitStatusAsStaff(id, "APPROVED");
    }

    private String summary(JsonNode parks) {
        List<String> lines = new ArrayList<>();
        parks.forEach(park -> lines.add(park.get("name").asText() + " " + park.get("enterprises").asInt() + "/"
                + park.get("workers").asInt()));
        return String.join(", ", lines);
    }

    /** Each application is its own enterprise's: the replay reads them as staff. */
    private void awaitStatusAsStaff(String id, String expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> expected.equals(
                http.withBasicAuth("health1", PASSWORD).getForObject("/api/applications/" + id, JsonNode.class)
                        .get("status").asText()));
    }
}
