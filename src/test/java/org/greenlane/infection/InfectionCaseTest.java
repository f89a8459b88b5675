package org.greenlane.infection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An infection case suspends an approved enterprise; health resumes it with fewer workers, or revokes it. */
class InfectionCaseTest extends IntegrationTest {

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void aCaseSuspendsTracesContactsAndResumesWithTheIsolatedLeftOut() {
        // given an approved application: workers 0-2 lodge in KTX-1, workers 3 and 4 commute on shuttle XE-1
        ApplicationDocument application = workers(TestApplications.clean(5), w -> lodging(w, null, "XE-1"), 3, 4);
        String id = approve(application);
        String commuter = application.workers().get(3).citizenId();

        // when the enterprise reports worker 3 infected
        ResponseEntity<JsonNode> reported = http.postForEntity("/api/applications/" + id + "/incidents",
                Map.of("infectedWorkers", List.of(commuter), "detectedOn", "2021-06-20", "note", "F0 tại ca sáng"),
                JsonNode.class);

        // then it is suspended, worker 4 (same shuttle) is traced, and health handles the case
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reported.getBody().get("contactTracing").findValuesAsText("citizenId"))
                .containsExactly(application.workers().get(4).citizenId());
        JsonNode suspended = status(id);
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.at("/incidents/0/infected/0/citizenId").asText()).isEqualTo(commuter);

        identity.setAuthentication("health1", List.of("health"));
        var task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("handleInfection")
                .singleResult();
        assertThat(forms.getTaskFormVariables(task.getId()).get("contactTracing").toString()).contains("same shuttle XE-1");
        tasks.complete(task.getId(), Map.of("decision", "RESUME", "comment", "Cách ly 2 người"));
        identity.clearAuthentication();

        JsonNode resumed = status(id);
        assertThat(resumed.get("status").asText()).isEqualTo("APPROVED");
        assertThat(resumed.at("/permit/approvedWorkers").asInt()).isEqualTo(3);
        assertThat(resumed.at("/incidents/0/resolution").asText()).isEqualTo("RESUME");
        assertThat(resumed.get("timeline").findValuesAsText("type"))
                .containsSubsequence("INCIDENT_REPORTED", "STATUS", "INCIDENT_RESUME", "PERMIT_RECOUNTED", "STATUS");

        // and a second case can end in revocation, which needs a reason
        http.withBasicAuth("health1", PASSWORD).postForEntity("/api/applications/" + id + "/incidents",
                Map.of("infectedWorkers", List.of(application.workers().get(0).citizenId()), "detectedOn", "2021-06-20"),
                JsonNode.class);
        identity.setAuthentication("health1", List.of("health"));
        var second = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("handleInfection")
                .singleResult();
        assertThatThrownBy(() -> tasks.complete(second.getId(), Map.of("decision", "REVOKE", "comment", "")))
                .hasMessageContaining("comment is required");
        tasks.complete(second.getId(), Map.of("decision", "REVOKE", "comment", "Lây lan trong ký túc xá"));
        assertThat(status(id).get("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void aCaseIsRefusedClearlyWhenItCannotApply() {
        String id = http.postForEntity("/api/applications", TestApplications.clean(2), JsonNode.class).getBody()
                .get("id").asText();
        awaitStatus(id, "UNDER_REVIEW");
        String worker = TestApplications.clean(2).workers().get(0).citizenId();

        ResponseEntity<JsonNode> notApproved = post(http, id, List.of(worker));
        ResponseEntity<JsonNode> labour = post(http.withBasicAuth("labour1", PASSWORD), id, List.of(worker));

        assertThat(notApproved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notApproved.getBody().get("detail").asText()).contains("UNDER_REVIEW");
        assertThat(labour.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(id).get("incidents")).isEmpty();

        String approved = approve(TestApplications.clean(2));
        ResponseEntity<JsonNode> unknownWorker = post(http, approved, List.of("099999999999"));
        assertThat(unknownWorker.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownWorker.getBody().at("/errors/0/field").asText()).isEqualTo("infectedWorkers[0]");
        assertThat(status(approved).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aCaseWithAControlCharacterOrADateBeforeThePandemicIsRefusedAndANoteOfSeveralLinesIsKept() {
        // given an approved application
        String id = approve(TestApplications.clean(2));
        String worker = TestApplications.clean(2).workers().get(0).citizenId();

        // when a case comes with a NUL, a date before the pandemic and a bidirectional override
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/applications/" + id + "/incidents",
                Map.of("infectedWorkers", List.of(worker + "\u0000"), "detectedOn", "2019-12-31",
                        "note", "F0 tại ca sáng, báo \u202Etrạm y tế"), JsonNode.class);

        // then each is named, and the application is as it was
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("infectedWorkers[0]", "detectedOn", "note");
        JsonNode view = status(id);
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
        assertThat(view.get("incidents")).isEmpty();

        // and a note with tabs and line breaks is free text, kept as written
        String note = "F0 tại ca sáng\r\n\tđã cách ly – báo trạm y tế";
        ResponseEntity<JsonNode> reported = http.postForEntity("/api/applications/" + id + "/incidents",
                Map.of("infectedWorkers", List.of(worker), "detectedOn", "2021-06-20", "note", note), JsonNode.class);
        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(status(id).at("/incidents/0/note").asText()).isEqualTo(note);
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate client, String id, List<String> infected) {
        return client.postForEntity("/api/applications/" + id + "/incidents",
                Map.of("infectedWorkers", infected, "detectedOn", "2021-06-20"), JsonNode.class);
    }
}
