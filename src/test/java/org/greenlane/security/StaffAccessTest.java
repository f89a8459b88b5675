package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Staff over HTTP: members read every application but submit none; on the engine's REST API each member sees and
 * completes only the tasks of their own working group; the rule API is for rule authors, the audit trail and
 * accounts for administrators. The demo members log in with the demo password.
 */
class StaffAccessTest extends ApiTest {

    @Test
    void theDemoAccountsLogInWithTheDemoPassword() {
        for (String member : new String[] {"health1", "housing1", "labour1", "transport1", "steering1"}) {
            assertThat(as(member).getForEntity("/engine-rest/task", String.class).getStatusCode()).as(member)
                    .isEqualTo(HttpStatus.OK);
            assertThat(as(member).getForEntity("/api/applications", String.class).getStatusCode()).as(member)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(as(RULE_AUTHOR).getForEntity("/api/rules", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(ADMIN).getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(ENTERPRISE).getForEntity("/api/applications", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aMemberReadsAndListsEveryApplication() {
        // given applications of two enterprises
        String other = newTaxCode();
        createEnterprise(other);
        String others = submitted(as(other), applicationOf(other));
        String own = submitted(http, TestApplications.clean(2));
        awaitViewStatus(others, "UNDER_REVIEW");

        // when a health member reads and lists them
        ResponseEntity<String> first = as(HEALTH).getForEntity("/api/applications/" + others, String.class);
        ResponseEntity<String> second = as(HEALTH).getForEntity("/api/applications/" + own, String.class);
        ResponseEntity<String> screening = as(HEALTH).getForEntity("/api/applications/" + others + "/screening",
                String.class);
        ResponseEntity<String> list = as(HEALTH).getForEntity("/api/applications?size=200", String.class);

        // then every one is there
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(first.getBody()).at("/enterprise/taxCode").asText()).isEqualTo(other);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(screening.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode page = read(list.getBody());
        assertThat(page.get("totalElements").asLong()).isEqualTo(applicationRows());
        assertThat(page.get("content").findValuesAsText("taxCode")).contains(other, ENTERPRISE);
    }

    @Test
    void staffCannotSubmitNorCorrectAnApplication() {
        String id = submitted(http, TestApplications.inPark(TestApplications.clean(2), "KCN Mặt Trăng"));
        awaitViewStatus(id, "NEEDS_CORRECTION");
        long before = applicationRows();

        JsonNode submit = problem(submit(as(HEALTH), TestApplications.clean(2), null), HttpStatus.FORBIDDEN);
        JsonNode correct = problem(correct(as(HEALTH), id, TestApplications.clean(2)), HttpStatus.FORBIDDEN);
        problem(submit(as(ADMIN), TestApplications.clean(2), null), HttpStatus.FORBIDDEN);

        assertThat(submit.get("title").asText()).isEqualTo("Forbidden");
        assertThat(correct.get("title").asText()).isEqualTo("Forbidden");
        assertThat(applicationRows()).isEqualTo(before);
        assertThat(view(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void theEngineRestApiNeedsCredentials() {
        ResponseEntity<String> anonymous = anonymous().getForEntity("/engine-rest/task", String.class);
        // not a real member: wrong passwords slow down this client for that user (LoginThrottle)
        ResponseEntity<String> wrongPassword = http.withBasicAuth("nobody", "not-the-password")
                .getForEntity("/engine-rest/task", String.class);
        ResponseEntity<String> enterprise = http.getForEntity("/engine-rest/task", String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // an enterprise account is no engine user
        assertThat(enterprise.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(HEALTH).getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aMemberSeesAndCompletesOnlyTheTasksOfTheirGroup() {
        // given an application under review by the four groups
        String id = submitted(http, TestApplications.clean(2));
        awaitViewStatus(id, "UNDER_REVIEW");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(4);

        // when members list its tasks, and health tries to complete housing's
        JsonNode healthSees = engineTasks(HEALTH, id);
        JsonNode housingSees = engineTasks(HOUSING, id);
        String housingTask = taskId(id, "reviewHousing");
        ResponseEntity<String> refused = completeTask(HEALTH, housingTask, "APPROVE", "");

        // then each sees its own only, and health's attempt changed nothing
        assertThat(healthSees.findValuesAsText("taskDefinitionKey")).containsExactly("reviewHealth");
        assertThat(housingSees.findValuesAsText("taskDefinitionKey")).containsExactly("reviewHousing");
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read(refused.getBody()).get("message").asText()).contains(HEALTH);
        assertThat(tasks.createTaskQuery().taskId(housingTask).count()).isEqualTo(1);
        assertThat(reviews(id)).isZero();
        assertThat(view(id).at("/reviews/housing/status").asText()).isEqualTo("PENDING");

        // and housing's member completes it
        ResponseEntity<String> done = completeTask(HOUSING, housingTask, "APPROVE", "Đạt yêu cầu");

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(housingTask).count()).isZero();
        assertThat(reviews(id)).isEqualTo(1);
        assertThat(view(id).at("/reviews/housing/decidedBy").asText()).isEqualTo(HOUSING);
    }

    @Test
    void onlyRuleAuthorsUseTheRuleApi() {
        for (String user : new String[] {HEALTH, ADMIN, ENTERPRISE}) {
            problem(as(user).getForEntity("/api/rules", String.class), HttpStatus.FORBIDDEN);
            problem(as(user).getForEntity("/api/rules/versions", String.class), HttpStatus.FORBIDDEN);
            problem(as(user).exchange("/api/rules/files/audit-probe.drl", HttpMethod.DELETE,
                    null, String.class), HttpStatus.FORBIDDEN);
        }

        assertThat(as(RULE_AUTHOR).getForEntity("/api/rules", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAdministratorsReadTheAuditTrail() {
        for (String user : new String[] {ENTERPRISE, HEALTH, RULE_AUTHOR}) {
            problem(as(user).getForEntity("/api/audit", String.class), HttpStatus.FORBIDDEN);
        }

        ResponseEntity<String> audit = as(ADMIN).getForEntity("/api/audit?size=5", String.class);

        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(audit.getBody()).isArray()).isTrue();
    }

    private long reviews(String id) {
        return jdbc.sql("select count(*) from review where application_id = ?").param(id).query(Long.class).single();
    }
}
