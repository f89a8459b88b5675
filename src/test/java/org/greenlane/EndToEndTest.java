package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** From submission to permit over HTTP, with members deciding under their own identity as Tasklist does. */
class EndToEndTest extends IntegrationTest {

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void cleanApplicationGoesFromSubmissionToPermit() {
        // given an enterprise submits (and retries) a clean application of 5 workers
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = submit(TestApplications.clean(5), key);
        ResponseEntity<JsonNode> retry = submit(TestApplications.clean(5), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = first.getBody().get("id").asText();
        assertThat(first.getHeaders().getLocation()).hasToString("/api/applications/" + id);
        assertThat(retry.getBody().get("id").asText()).isEqualTo(id);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

        // when screening has run, every group sees only its own task
        awaitStatus(id, "UNDER_REVIEW");
        JsonNode screened = status(id);
        assertThat(screened.at("/screening/eligibleCount").asInt()).isEqualTo(5);
        assertThat(screened.at("/screening/ruleSetVersion").asText()).isNotBlank();
        assertThat(screened.at("/reviews/health/status").asText()).isEqualTo("PENDING");

        Task healthTask = taskOf(id, "health1", "health");
        assertThat(forms.getTaskFormVariables(healthTask.getId()).get("eligibleCount")).isEqualTo(5);
        as("housing1", "housing");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("reviewHousing");
        assertThatThrownBy(() -> tasks.complete(healthTask.getId(), Map.of("decision", "APPROVE")))
                .isInstanceOf(AuthorizationException.class);

        for (String group : List.of("health", "housing", "labour", "transport")) {
            decide(id, group, "APPROVE", "Đạt yêu cầu");
        }
        awaitStatus(id, "AWAITING_DECISION");
        decide(id, "steering", "APPROVE", "Đồng ý cho hoạt động trở lại");

        // then a permit for the eligible workers, each review with who decided, and the whole timeline
        JsonNode approved = status(id);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.at("/permit/number").asText()).matches("BG-2021-\\d{6}");
        assertThat(approved.at("/permit/approvedWorkers").asInt()).isEqualTo(5);
        assertThat(approved.at("/reviews/health/status").asText()).isEqualTo("APPROVED");
        assertThat(approved.at("/reviews/health/decidedBy").asText()).isEqualTo("health1");
        assertThat(approved.at("/reviews/transport/comment").asText()).isEqualTo("Đạt yêu cầu");
        assertThat(approved.at("/steering/decidedBy").asText()).isEqualTo("steering1");
        assertThat(approved.get("timeline").findValuesAsText("type"))
                .containsSubsequence("SUBMITTED", "SCREENED", "STATUS", "DECISION", "STATUS", "DECISION",
                        "PERMIT_ISSUED", "STATUS");
    }

    @Test
    void blockedApplicationIsCorrectedAndScreenedAgain() {
        ApplicationDocument unknownPark = TestApplications.inPark(TestApplications.clean(3), "Khu công nghiệp Mặt Trăng");
        String id = submit(unknownPark, null).getBody().get("id").asText();
        awaitStatus(id, "NEEDS_CORRECTION");
        assertThat(status(id).at("/screening/findings").findValuesAsText("code")).contains("A-PARK-UNKNOWN");

        ResponseEntity<JsonNode> corrected = http.exchange("/api/applications/" + id, HttpMethod.PUT,
                json(TestApplications.inPark(TestApplications.clean(3), "song khe - noi hoang"), null), JsonNode.class);

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitStatus(id, "UNDER_REVIEW");
        JsonNode view = status(id);
        assertThat(view.get("revision").asInt()).isEqualTo(2);
        assertThat(view.at("/screening/findings").findValuesAsText("code")).doesNotContain("A-PARK-UNKNOWN");
    }

    @Test
    void onlyAnApplicationThatNeedsCorrectionCanBeCorrected() {
        String id = submit(TestApplications.clean(2), null).getBody().get("id").asText();
        awaitStatus(id, "UNDER_REVIEW");

        ResponseEntity<JsonNode> refused = http.exchange("/api/applications/" + id, HttpMethod.PUT,
                json(TestApplications.clean(2), null), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("UNDER_REVIEW");
        assertThat(status(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void requestingChangesWithoutACommentIsRefusedAndTheTaskStaysOpen() {
        String id = submit(TestApplications.clean(2), null).getBody().get("id").asText();
        awaitStatus(id, "UNDER_REVIEW");
        Task labour = taskOf(id, "labour1", "labour");

        assertThatThrownBy(() -> tasks.complete(labour.getId(), Map.of("decision", "REQUEST_CHANGES")))
                .hasMessageContaining("comment is required");
        assertThat(tasks.createTaskQuery().taskId(labour.getId()).count()).isEqualTo(1);

        tasks.complete(labour.getId(), Map.of("decision", "REQUEST_CHANGES", "comment", "Thiếu danh sách ca làm việc"));
        for (String group : List.of("health", "housing", "transport")) {
            decide(id, group, "APPROVE", "");
        }
        awaitStatus(id, "NEEDS_CORRECTION");
        assertThat(status(id).at("/reviews/labour/status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(status(id).at("/reviews/labour/comment").asText()).isEqualTo("Thiếu danh sách ca làm việc");
    }

    private Task taskOf(String id, String user, String group) {
        as(user, group);
        return tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup(group).singleResult();
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }

    private ResponseEntity<JsonNode> submit(ApplicationDocument application, String idempotencyKey) {
        return http.postForEntity("/api/applications", json(application, idempotencyKey), JsonNode.class);
    }

    private static HttpEntity<ApplicationDocument> json(ApplicationDocument application, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return new HttpEntity<>(application, headers);
    }

}
