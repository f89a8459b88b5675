package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Enterprise;
import org.greenlane.application.ApplicationDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callers of the API as the security tests need them: anonymous, any demo account by Basic, a new enterprise;
 * and what they send and get back. Adds no context configuration: it is the one shared {@link IntegrationTest}.
 */
abstract class ApiTest extends IntegrationTest {

    static final String HEALTH = "health1";
    static final String HOUSING = "housing1";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    /** The engine's own API, used without an authenticated user: no authorization checks, sees every task. */

    /** The demo account {@code user} (staff, rule author, admin or an enterprise's tax code) by HTTP Basic. */
    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    /** A tax code no other test uses: 39 (not Bắc Giang's 24) and eight random digits. */
    static String newTaxCode() {
        return newTaxCode("39");
    }

    /** Creates the enterprise's account as the administrator; the password is {@link #PASSWORD}. */
    void createEnterprise(String taxCode) {
        ResponseEntity<String> created = createEnterprise(taxCode, "Công ty TNHH Thử nghiệm " + taxCode, "Quang Châu");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * A clean application of this enterprise, lodging its workers at an address of its own: a site another
     * enterprise's live application holds would block it (H-SITE-SHARED).
     */
    static ApplicationDocument applicationOf(String taxCode) {
        ApplicationDocument clean = TestApplications.clean(2);
        Enterprise e = clean.enterprise();
        Accommodation site = clean.accommodations().get(0);
        return new ApplicationDocument(
                new Enterprise(taxCode, "Công ty TNHH Thử nghiệm " + taxCode, e.industrialPark(), e.address(),
                        e.sector()),
                clean.plannedRestartDate(), clean.workers(),
                List.of(new Accommodation(site.id(), site.name(), "Nhà trọ " + taxCode + ", xã Ngọc Thiện, Tân Yên",
                        site.capacity())),
                clean.shuttles(), clean.medicalPlan());
    }

    ResponseEntity<String> submit(TestRestTemplate caller, ApplicationDocument application, String idempotencyKey) {
        HttpEntity<String> body = jsonBody(application);
        if (idempotencyKey != null) {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(body.getHeaders());
            headers.set("Idempotency-Key", idempotencyKey);
            body = new HttpEntity<>(body.getBody(), headers);
        }
        return caller.postForEntity("/api/applications", body, String.class);
    }

    /** Submits and returns the new application's id. */
    String submitted(TestRestTemplate caller, ApplicationDocument application) {
        ResponseEntity<String> answer = submit(caller, application, null);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(answer.getBody()).get("id").asText();
    }

    ResponseEntity<String> correct(TestRestTemplate caller, String id, ApplicationDocument application) {
        return caller.exchange("/api/applications/" + id, HttpMethod.PUT,
                jsonBody(application), String.class);
    }

    /** The status view, read as staff (who may read every application). */
    JsonNode view(String id) {
        ResponseEntity<String> answer = as(HEALTH).getForEntity("/api/applications/" + id, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return read(answer.getBody());
    }

    void awaitViewStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(view(id).get("status").asText()).isEqualTo(expected));
    }

    /** The tasks of one application that this member may see, through the engine's REST API. */
    JsonNode engineTasks(String user, String applicationId) {
        ResponseEntity<String> answer = as(user).getForEntity("/engine-rest/task?processInstanceBusinessKey={id}",
                String.class, applicationId);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return read(answer.getBody());
    }

    /** The id of the application's open task of this review ({@code reviewHealth}), as the engine sees it. */
    String taskId(String applicationId, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationId).taskDefinitionKey(taskDefinitionKey)
                .singleResult().getId();
    }

    /** Completes a task through the engine's REST API, as Tasklist does for the member logged in. */
    ResponseEntity<String> completeTask(String user, String taskId, String decision, String comment) {
        Map<String, Object> variables = Map.of("decision", Map.of("value", decision, "type", "String"),
                "comment", Map.of("value", comment, "type", "String"));
        return as(user).postForEntity("/engine-rest/task/{id}/complete", jsonBody(Map.of("variables", variables)),
                String.class, taskId);
    }

    HttpEntity<String> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(body instanceof String text ? text : json.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem body, once status and content type are as the API promises. */
    JsonNode problem(ResponseEntity<String> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).as("content type of %s", answer.getBody()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode problem = read(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    long applicationRows() {
        return jdbc.sql("select count(*) from application").query(Long.class).single();
    }
}
