package org.greenlane.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The province's progress counts each permit once, per day and per park, against the configured targets. */
class ProgressReportTest extends IntegrationTest {

    @Test
    void anApprovalCountsForItsDayItsParkAndTheTargets() {
        // given the progress before, read without logging in
        TestRestTemplate anyone = anonymous();
        JsonNode before = anyone.getForObject("/api/reports/progress", JsonNode.class);

        // when an application of 6 workers in Quang Châu is approved on 20 June 2021
        approve(TestApplications.clean(6));

        // then
        JsonNode after = anyone.getForObject("/api/reports/progress", JsonNode.class);
        assertThat(after.get("approvedEnterprises").asInt()).isEqualTo(before.get("approvedEnterprises").asInt() + 1);
        assertThat(after.get("approvedWorkers").asInt()).isEqualTo(before.get("approvedWorkers").asInt() + 6);
        JsonNode day = last(after.get("days"));
        assertThat(day.get("date").asText()).isEqualTo("2021-06-20");
        assertThat(day.get("cumulativeWorkers").asInt()).isEqualTo(after.get("approvedWorkers").asInt());
        assertThat(workersOf(after, "Quang Châu")).isEqualTo(workersOf(before, "Quang Châu") + 6);
        assertThat(after.get("targets").findValuesAsText("by"))
                .containsExactly("2021-07-31", "2021-08-31", "2021-10-31", "2021-11-30");
        assertThat(after.get("targets").findValuesAsText("state")).containsOnly("OPEN");
        assertThat(after.at("/targets/3/strictlyAbove").asBoolean()).isTrue();
        assertThat(after.at("/targets/0/descriptionVi").asText()).contains("30.000").doesNotContain("30,000");
        assertThat(after.at("/targets/0/descriptionEn").asText()).contains("30,000").doesNotContain("30.000");
    }

    @Test
    void aSuspendedApplicationsWorkersAreNotCounted() {
        // given an approved application of 3 workers, counted
        String id = approve(TestApplications.clean(3));
        String infected = TestApplications.clean(3).workers().get(0).citizenId();
        JsonNode before = anonymous().getForObject("/api/reports/progress", JsonNode.class);

        // when the enterprise reports an infection case, which suspends it
        reportCase(id, infected);
        awaitStatus(id, "SUSPENDED");

        // then neither it nor its workers count while suspended
        JsonNode after = anonymous().getForObject("/api/reports/progress", JsonNode.class);
        assertThat(after.get("approvedEnterprises").asInt()).isEqualTo(before.get("approvedEnterprises").asInt() - 1);
        assertThat(after.get("approvedWorkers").asInt()).isEqualTo(before.get("approvedWorkers").asInt() - 3);
        assertThat(workersOf(after, "Quang Châu")).isEqualTo(workersOf(before, "Quang Châu") - 3);
    }

    @Test
    void csvHasAProvinceRowAndAParkRowPerDay() {
        approve(TestApplications.clean(2));

        ResponseEntity<String> csv = anonymous().getForEntity("/api/reports/progress.csv", String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,park,enterprises,workers,cumulative_enterprises,cumulative_workers");
        assertThat(lines).anyMatch(line -> line.startsWith("2021-06-20,\"*\","))
                .anyMatch(line -> line.startsWith("2021-06-20,\"Quang Châu\","));
    }

    private static int workersOf(JsonNode progress, String park) {
        for (JsonNode entry : progress.get("parks")) {
            if (entry.get("name").asText().equals(park)) {
                return entry.get("workers").asInt();
            }
        }
        return 0;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
