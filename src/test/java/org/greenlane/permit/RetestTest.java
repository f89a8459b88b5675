package org.greenlane.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** After approval workers are re-tested every 7 days; a lapsed one drops out of the approved count until re-tested. */
class RetestTest extends IntegrationTest {

    @Autowired
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
        identity.clearAuthentication();
    }

    @Test
    void workersWhoseTestLapsedLeaveTheApprovedCountUntilANewResultArrives() {
        // given three workers approved on 20 June with tests sampled 24 h before, and worker 0 re-tested an hour ago
        ApplicationDocument application = TestApplications.clean(3);
        String id = approve(application);
        assertThat(status(id).at("/permit/approvedWorkers").asInt()).isEqualTo(3);

        // when the check runs six days and two hours later (workers 1 and 2: tests 7 days 2 h old; worker 0: 6 days 3 h)
        clock.set(TestApplications.NOW.plus(Duration.ofDays(6).plusHours(2)));
        ResponseEntity<JsonNode> posted = postTests(id, application.workers().get(0).citizenId(),
                TestApplications.hoursBefore(1).toString());

        // then workers 1 and 2 have lapsed, with a finding each, and the permit counts one worker
        assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(posted.getBody().get("lapsed").findValuesAsText("code")).containsOnly("R-RETEST-LAPSED").hasSize(2);
        assertThat(posted.getBody().get("lapsed").findValuesAsText("subject")).containsExactlyInAnyOrder(
                application.workers().get(1).citizenId(), application.workers().get(2).citizenId());
        JsonNode view = status(id);
        assertThat(view.at("/permit/approvedWorkers").asInt()).isEqualTo(1);
        assertThat(view.at("/retesting/lapsed/0/messageVi").asText()).contains("7 ngày");
        assertThat(view.get("timeline").findValuesAsText("type")).contains("TESTS_ADDED", "PERMIT_RECOUNTED");

        // and when worker 1's newer result arrives too, it counts again
        postTests(id, application.workers().get(1).citizenId(), TestApplications.hoursBefore(0).toString());
        assertThat(status(id).at("/permit/approvedWorkers").asInt()).isEqualTo(2);
    }

    @Test
    void resultsForSomeoneElseOrForAnApplicationNotApprovedAreRefused() {
        String underReview = http.postForEntity("/api/applications", TestApplications.clean(2), JsonNode.class)
                .getBody().get("id").asText();
        awaitStatus(underReview, "UNDER_REVIEW");
        String approved = approve(TestApplications.clean(2));

        ResponseEntity<JsonNode> notApproved = postTests(underReview, TestApplications.clean(2).workers().get(0)
                .citizenId(), "2021-06-20T08:00:00+07:00");
        ResponseEntity<JsonNode> stranger = postTests(approved, "099999999999", "2021-06-20T08:00:00+07:00");

        assertThat(notApproved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stranger.getBody().at("/errors/0/field").asText()).isEqualTo("results[0].citizenId");
        assertThat(status(approved).has("retesting")).isFalse();
    }

    @Test
    void resultsWithAControlCharacterOrSampledBeforeThePandemicAreRefusedAndChangeNothing() {
        ApplicationDocument application = TestApplications.clean(2);
        String approved = approve(application);
        String worker = application.workers().get(0).citizenId();

        ResponseEntity<JsonNode> old = postTests(approved, worker, "2019-12-31T08:00:00+07:00");
        ResponseEntity<JsonNode> nul = postTests(approved, worker + "\u0000", "2021-06-20T08:00:00+07:00");

        assertThat(old.getStatusCode()).as(String.valueOf(old.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(old.getBody().at("/errors/0/field").asText()).isEqualTo("results[0].test.sampledAt");
        assertThat(old.getBody().at("/errors/0/message").asText()).contains("2020-01-01");
        assertThat(nul.getStatusCode()).as(String.valueOf(nul.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nul.getBody().at("/errors/0/field").asText()).isEqualTo("results[0].citizenId");
        assertThat(nul.getBody().at("/errors/0/message").asText()).contains("U+0000");
        JsonNode view = status(approved);
        assertThat(view.has("retesting")).isFalse();
        assertThat(view.get("timeline").findValuesAsText("type")).doesNotContain("TESTS_ADDED");
    }

    @Test
    void aPositiveResultOpensAnInfectionCaseLikeAReportedOne() {
        // given five approved workers: three lodged at KTX-1, two commuting on the shuttle XE-1
        ApplicationDocument application = workers(TestApplications.clean(5), w -> lodging(w, null, "XE-1"), 3, 4);
        String id = approve(application);
        List<String> workers = application.workers().stream().map(ApplicationDocument.Worker::citizenId).toList();

        // when a commuter's positive result is posted with the re-tests
        ResponseEntity<JsonNode> posted = postTests(id, workers.get(4), TestApplications.hoursBefore(1).toString(),
                "POSITIVE");

        // then the application is suspended with a case for that worker, the other commuter traced, a health task open
        assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.OK);
        awaitStatus(id, "SUSPENDED");
        JsonNode incident = status(id).at("/incidents/0");
        assertThat(incident.get("infected").findValuesAsText("citizenId")).containsExactly(workers.get(4));
        assertThat(incident.get("contactTracing").findValuesAsText("citizenId")).containsExactly(workers.get(3));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("handleInfection")
                .count()).isEqualTo(1);

        // when a lodged worker's positive result comes while the case is open
        postTests(id, workers.get(0), TestApplications.hoursBefore(0.5).toString(), "POSITIVE");

        // then the open case takes in that worker and the roommates, and resuming leaves them all out of the count
        JsonNode grown = status(id).at("/incidents/0");
        assertThat(status(id).get("incidents")).hasSize(1);
        assertThat(grown.get("infected").findValuesAsText("citizenId"))
                .containsExactly(workers.get(4), workers.get(0));
        assertThat(grown.get("contactTracing").findValuesAsText("citizenId"))
                .containsExactlyInAnyOrder(workers.get(3), workers.get(1), workers.get(2));
        assertThat(status(id).get("timeline").findValuesAsText("type")).contains("INCIDENT_EXTENDED");
        decide(id, "health", "RESUME", "");
        awaitStatus(id, "APPROVED");
        assertThat(status(id).at("/permit/approvedWorkers").asInt()).isZero();
    }

    private ResponseEntity<JsonNode> postTests(String id, String citizenId, String sampledAt) {
        return postTests(id, citizenId, sampledAt, "NEGATIVE");
    }

    private ResponseEntity<JsonNode> postTests(String id, String citizenId, String sampledAt, String result) {
        return TestResults.post(http, id, citizenId, sampledAt, result);
    }
}
