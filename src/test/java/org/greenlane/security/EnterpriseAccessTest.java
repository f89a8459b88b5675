package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Enterprises over HTTP: who may create their accounts, and that an enterprise submits, reads, lists and corrects
 * only its own applications; another enterprise's answers exactly as one that does not exist.
 */
class EnterpriseAccessTest extends ApiTest {

    @Test
    void unauthenticatedCallsAreAskedToLogIn() {
        for (String path : new String[] {"/api/applications", "/api/enterprises/" + ENTERPRISE, "/api/audit",
                "/api/rules"}) {
            ResponseEntity<String> answer = anonymous().getForEntity(path, String.class);

            JsonNode problem = problem(answer, HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
            assertThat(problem.get("detail").asText()).contains("HTTP Basic");
        }
        long before = applicationRows();
        problem(anonymous().postForEntity("/api/applications", jsonBody(TestApplications.clean(2)), String.class),
                HttpStatus.UNAUTHORIZED);
        assertThat(applicationRows()).isEqualTo(before);
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        ResponseEntity<String> answer = http.withBasicAuth(ENTERPRISE, "not-the-password")
                .getForEntity("/api/applications", String.class);

        problem(answer, HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void anAccountTheAdministratorCreatesCanLogInAndSubmitForItself() {
        // given a new enterprise's account, created by the administrator
        String taxCode = newTaxCode();
        ResponseEntity<String> created = as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", taxCode, "name", "Công ty CP May Việt Yên", "industrialPark", "Vân Trung",
                        "password", "a-long-enough-secret")), String.class);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/enterprises/" + taxCode);
        JsonNode account = read(created.getBody());
        assertThat(account.get("taxCode").asText()).isEqualTo(taxCode);
        assertThat(account.get("createdBy").asText()).isEqualTo(ADMIN);
        assertThat(account.has("password")).isFalse();
        assertThat(created.getBody()).doesNotContain("a-long-enough-secret");
        assertThat(jdbc.sql("select password_hash from enterprise_account where tax_code = ?").param(taxCode)
                .query(String.class).single()).startsWith("$2").doesNotContain("a-long-enough-secret");

        // when it logs in with its tax code and submits under that tax code
        TestRestTemplate enterprise = http.withBasicAuth(taxCode, "a-long-enough-secret");
        ResponseEntity<String> submitted = submit(enterprise, applicationOf(taxCode), null);

        // then the application is its own, and it reads it back
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = read(submitted.getBody()).get("id").asText();
        ResponseEntity<String> own = enterprise.getForEntity("/api/applications/" + id, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(own.getBody()).at("/enterprise/taxCode").asText()).isEqualTo(taxCode);
        problem(http.withBasicAuth(taxCode, PASSWORD).getForEntity("/api/applications", String.class),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAccountForATaxCodeThatHasOneIsAConflict() {
        String taxCode = newTaxCode();
        createEnterprise(taxCode);

        ResponseEntity<String> again = as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", taxCode, "name", "Kẻ mạo danh", "industrialPark", "Quang Châu",
                        "password", "another-long-secret")), String.class);
        ResponseEntity<String> demo = as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", ENTERPRISE, "name", "Kẻ mạo danh", "industrialPark", "Quang Châu",
                        "password", "another-long-secret")), String.class);

        assertThat(problem(again, HttpStatus.CONFLICT).get("detail").asText()).contains(taxCode);
        assertThat(problem(demo, HttpStatus.CONFLICT).get("detail").asText()).contains(ENTERPRISE);
        // the first account's password still works, the would-be replacement's does not
        assertThat(http.withBasicAuth(taxCode, PASSWORD).getForEntity("/api/applications", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(taxCode, "another-long-secret").getForEntity("/api/applications", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aBadAccountIsRefusedNamingItsFields() {
        String taxCode = newTaxCode();

        JsonNode shortPassword = problem(as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", taxCode, "name", "Công ty A", "industrialPark", "Quang Châu",
                        "password", "short")), String.class), HttpStatus.BAD_REQUEST);
        JsonNode badTaxCode = problem(as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", "24-00", "name", "Công ty A", "industrialPark", "Quang Châu",
                        "password", "a-long-enough-secret")), String.class), HttpStatus.BAD_REQUEST);
        JsonNode both = problem(as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", "123", "name", "", "industrialPark", "Quang Châu",
                        "password", "short")), String.class), HttpStatus.BAD_REQUEST);

        assertThat(shortPassword.get("errors").findValuesAsText("field")).containsExactly("password");
        assertThat(badTaxCode.get("errors").findValuesAsText("field")).containsExactly("taxCode");
        assertThat(both.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("taxCode", "name", "password");
        assertThat(both.get("detail").asText()).contains("taxCode", "password");
        assertThat(jdbc.sql("select count(*) from enterprise_account where tax_code in (?, ?, ?)")
                .params(taxCode, "24-00", "123").query(Long.class).single()).isZero();
    }

    @Test
    void anAccountWithControlCharactersIsRefusedNamingItsFields() {
        String taxCode = newTaxCode();

        JsonNode problem = problem(as(ADMIN).postForEntity("/api/enterprises",
                jsonBody(Map.of("taxCode", taxCode, "name", "Công ty\u0000 A", "industrialPark", "Quang \u202EChâu",
                        "password", "a-long-enough\nsecret")), String.class), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "industrialPark", "password");
        assertThat(jdbc.sql("select count(*) from enterprise_account where tax_code = ?").param(taxCode)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAnAdministratorCreatesOrReadsAccounts() {
        String taxCode = newTaxCode();
        Map<String, String> account = Map.of("taxCode", taxCode, "name", "Công ty B", "industrialPark", "Quang Châu",
                "password", "a-long-enough-secret");

        for (String user : new String[] {ENTERPRISE, HEALTH, RULE_AUTHOR}) {
            JsonNode refused = problem(as(user).postForEntity("/api/enterprises", jsonBody(account), String.class),
                    HttpStatus.FORBIDDEN);
            assertThat(refused.get("title").asText()).as(user).isEqualTo("Forbidden");
            problem(as(user).getForEntity("/api/enterprises/" + ENTERPRISE, String.class), HttpStatus.FORBIDDEN);
        }

        assertThat(jdbc.sql("select count(*) from enterprise_account where tax_code = ?").param(taxCode)
                .query(Long.class).single()).isZero();
        assertThat(as(ADMIN).getForEntity("/api/enterprises/" + ENTERPRISE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anEnterpriseSubmitsOnlyUnderItsOwnTaxCode() {
        long before = applicationRows();

        ResponseEntity<String> answer = submit(http, applicationOf(newTaxCode()), UUID.randomUUID().toString());

        JsonNode problem = problem(answer, HttpStatus.FORBIDDEN);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("enterprise.taxCode");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(ENTERPRISE);
        assertThat(applicationRows()).isEqualTo(before);
    }

    @Test
    void anotherEnterprisesApplicationIsAsIfItDidNotExist() {
        // given another enterprise's application, blocked so that it waits for correction
        String other = newTaxCode();
        createEnterprise(other);
        ApplicationDocument blocked = TestApplications.inPark(applicationOf(other), "KCN Mặt Trăng");
        String id = submitted(as(other), blocked);
        awaitViewStatus(id, "NEEDS_CORRECTION");
        String unknown = UUID.randomUUID().toString();

        // when the demo enterprise reads, screens and corrects it
        ResponseEntity<String> read = http.getForEntity("/api/applications/" + id, String.class);
        ResponseEntity<String> screening = http.getForEntity("/api/applications/" + id + "/screening", String.class);
        ResponseEntity<String> corrected = correct(http, id, applicationOf(other));
        ResponseEntity<String> correctedAsItself = correct(http, id, TestApplications.clean(2));
        ResponseEntity<String> readUnknown = http.getForEntity("/api/applications/" + unknown, String.class);

        // then every answer is the 404 of an application that does not exist, and nothing changed
        for (ResponseEntity<String> answer : List.of(read, screening, corrected, correctedAsItself)) {
            JsonNode problem = problem(answer, HttpStatus.NOT_FOUND);
            assertThat(problem.get("title").asText()).isEqualTo(read(readUnknown.getBody()).get("title").asText());
            assertThat(problem.get("detail").asText()).isEqualTo("No application with id " + id)
                    .doesNotContain(other);
        }
        JsonNode view = view(id);
        assertThat(view.get("status").asText()).isEqualTo("NEEDS_CORRECTION");
        assertThat(view.get("revision").asInt()).isEqualTo(1);
        // and its owner still can
        assertThat(as(other).getForEntity("/api/applications/" + id + "/screening", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(correct(as(other), id, applicationOf(other)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void anEnterpriseListsOnlyItsOwnApplications() {
        // given applications of the demo enterprise and of another
        String other = newTaxCode();
        createEnterprise(other);
        String others = submitted(as(other), applicationOf(other));
        String own = submitted(http, TestApplications.clean(2));

        // when each lists, however it filters
        JsonNode demoList = list(http, "");
        JsonNode otherList = list(as(other), "");
        JsonNode otherScreening = list(as(other), "&status=SCREENING");

        // then each sees its own and nothing else
        assertThat(demoList.get("content").findValuesAsText("taxCode")).isNotEmpty().containsOnly(ENTERPRISE);
        assertThat(demoList.get("content").findValuesAsText("id")).doesNotContain(others);
        assertThat(demoList.get("totalElements").asLong()).isEqualTo(jdbc.sql(
                "select count(*) from application where tax_code = ?").param(ENTERPRISE).query(Long.class).single());
        assertThat(otherList.get("content").findValuesAsText("id")).containsExactly(others);
        assertThat(otherList.get("totalElements").asLong()).isEqualTo(1);
        assertThat(otherScreening.get("content").findValuesAsText("id")).doesNotContain(own);
        assertThat(otherScreening.get("content").findValuesAsText("taxCode")).allSatisfy(
                taxCode -> assertThat(taxCode).isEqualTo(other));
    }

    private JsonNode list(TestRestTemplate caller, String filter) {
        ResponseEntity<String> answer = caller.exchange("/api/applications?size=200" + filter, HttpMethod.GET, null,
                String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return read(answer.getBody());
    }
}
