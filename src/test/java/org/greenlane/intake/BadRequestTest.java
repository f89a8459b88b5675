package org.greenlane.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input over HTTP: every answer is a 4xx {@code application/problem+json} naming the bad fields by their JSON
 * path, and nothing is stored, neither an application row nor a process instance.
 */
class BadRequestTest extends IntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationStore applications;

    private Stored before;

    @BeforeEach
    void countWhatIsStored() {
        before = stored();
    }

    @Test
    void malformedJsonIsRefusedWithAClearDetail() {
        String truncated = cleanJson().toString();
        truncated = truncated.substring(0, truncated.length() / 2);

        JsonNode problem = problem(post("{\"enterprise\": {\"taxCode\": \"2400123456\" \"name\": \"X\"}}"),
                HttpStatus.BAD_REQUEST);
        JsonNode cut = problem(post(truncated), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(problem.get("detail").asText()).contains("not valid JSON").contains("line 1");
        assertThat(cut.get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(cut.get("detail").asText()).contains("not valid JSON").doesNotContain("org.greenlane");
        assertNothingStored();
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        JsonNode array = problem(post("[]"), HttpStatus.BAD_REQUEST);
        JsonNode number = problem(post("42"), HttpStatus.BAD_REQUEST);

        assertThat(array.get("detail").asText()).contains("JSON object").doesNotContain("org.greenlane");
        assertThat(number.get("detail").asText()).contains("JSON object").doesNotContain("org.greenlane");
        assertNothingStored();
    }

    @Test
    void wrongTypesAreNamed() {
        ObjectNode doses = cleanJson();
        worker(doses, 1).put("vaccinationDoses", "many");
        ObjectNode isolation = cleanJson();
        ((ObjectNode) isolation.get("medicalPlan")).put("isolationRoom", "yes");
        ObjectNode workersAsObject = cleanJson();
        workersAsObject.putObject("workers");
        ObjectNode enterpriseAsText = cleanJson();
        enterpriseAsText.put("enterprise", "Công ty May Bắc Giang");

        JsonNode dosesProblem = problem(post(doses), HttpStatus.BAD_REQUEST);
        JsonNode isolationProblem = problem(post(isolation), HttpStatus.BAD_REQUEST);
        JsonNode workersProblem = problem(post(workersAsObject), HttpStatus.BAD_REQUEST);
        JsonNode enterpriseProblem = problem(post(enterpriseAsText), HttpStatus.BAD_REQUEST);

        assertErrors(dosesProblem, "workers[1].vaccinationDoses");
        assertThat(message(dosesProblem)).contains("whole number");
        assertErrors(isolationProblem, "medicalPlan.isolationRoom");
        assertThat(message(isolationProblem)).contains("true or false");
        assertErrors(workersProblem, "workers");
        assertThat(message(workersProblem)).contains("array").doesNotContain("java");
        assertErrors(enterpriseProblem, "enterprise");
        assertThat(message(enterpriseProblem)).contains("object").doesNotContain("org.greenlane");
        assertNothingStored();
    }

    @Test
    void enumValuesOutsideTheListAreNamedWithTheAllowedOnes() {
        ObjectNode type = cleanJson();
        test(type, 0, 0).put("type", "ANTIBODY");
        ObjectNode result = cleanJson();
        test(result, 1, 0).put("result", "MAYBE");

        JsonNode typeProblem = problem(post(type), HttpStatus.BAD_REQUEST);
        JsonNode resultProblem = problem(post(result), HttpStatus.BAD_REQUEST);

        assertErrors(typeProblem, "workers[0].tests[0].type");
        assertThat(message(typeProblem)).contains("PCR", "RAPID_ANTIGEN", "ANTIBODY");
        assertErrors(resultProblem, "workers[1].tests[0].result");
        assertThat(message(resultProblem)).contains("NEGATIVE", "POSITIVE", "MAYBE");
        assertNothingStored();
    }

    @Test
    void unknownFieldIsNamed() {
        ObjectNode typo = cleanJson();
        typo.set("wokers", typo.remove("workers"));
        ObjectNode nested = cleanJson();
        worker(nested, 0).put("vaccineDoses", 2);

        JsonNode typoProblem = problem(post(typo), HttpStatus.BAD_REQUEST);
        JsonNode nestedProblem = problem(post(nested), HttpStatus.BAD_REQUEST);

        assertErrors(typoProblem, "wokers");
        assertThat(message(typoProblem)).contains("not a known field");
        assertErrors(nestedProblem, "workers[0].vaccineDoses");
        assertNothingStored();
    }

    @Test
    void missingFieldsAreAllNamed() {
        ObjectNode missing = cleanJson();
        missing.remove("medicalPlan");
        ((ObjectNode) missing.get("enterprise")).remove("taxCode");
        worker(missing, 1).remove("citizenId");
        test(missing, 0, 0).remove("sampledAt");
        missing.withArray("workers").add(json.nullNode());

        JsonNode problem = problem(post(missing), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "medicalPlan", "enterprise.taxCode", "workers[1].citizenId",
                "workers[0].tests[0].sampledAt", "workers[3]");
        assertNothingStored();
    }

    @Test
    void dateThatIsNotIsoIsNamed() {
        ObjectNode sampled = cleanJson();
        test(sampled, 1, 0).put("sampledAt", "20/06/2021");
        ObjectNode restart = cleanJson();
        restart.put("plannedRestartDate", "25-06-2021");

        JsonNode sampledProblem = problem(post(sampled), HttpStatus.BAD_REQUEST);
        JsonNode restartProblem = problem(post(restart), HttpStatus.BAD_REQUEST);

        assertErrors(sampledProblem, "workers[1].tests[0].sampledAt");
        assertThat(message(sampledProblem)).contains("ISO").contains("20/06/2021");
        assertErrors(restartProblem, "plannedRestartDate");
        assertThat(message(restartProblem)).contains("ISO").contains("25-06-2021");
        assertNothingStored();
    }

    @Test
    void controlCharactersInTextAreNamedAndRefusedBeforeAnyDatabaseSeesThem() throws SQLException {
        ObjectNode bad = cleanJson();
        worker(bad, 1).put("fullName", "Nguyễn Thị\u0000 Hoa");
        ((ObjectNode) bad.get("enterprise")).put("name", "Công ty\u0000");
        ((ObjectNode) worker(bad, 2).get("residence")).put("commune", "Song Khê\n– Nội Hoàng");
        ((ObjectNode) bad.withArray("accommodations").get(0)).put("address", "Thôn \u202Egnồưđ");
        ((ObjectNode) bad.withArray("shuttles").get(0)).put("plate", "98B\u2066-123.45");
        ((ObjectNode) bad.get("medicalPlan")).put("infectionResponsePlan", "Cách ly\u0007");

        JsonNode problem = problem(post(bad), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "workers[1].fullName", "enterprise.name", "workers[2].residence.commune",
                "accommodations[0].address", "shuttles[0].plate", "medicalPlan.infectionResponsePlan");
        assertThat(problem.get("errors")).filteredOn(e -> e.get("field").asText().equals("workers[1].fullName"))
                .singleElement().satisfies(e -> assertThat(e.get("message").asText()).contains("U+0000"));
        assertNothingStored();
        // what PostgreSQL, the production database, answers to a NUL (a 500 before the server refused it)
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             PreparedStatement select = postgres.prepareStatement("select cast(? as text)")) {
            select.setString(1, "Nguyễn Thị\u0000 Hoa");
            assertThatThrownBy(select::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("0x00");
        }
    }

    @Test
    void freeTextKeepsItsTabsAndLineBreaks() {
        String plan = "Bước 1:\tcách ly tại phòng y tế\r\nBước 2:\tbáo Trung tâm Y tế huyện – trong 1 giờ\n";
        ObjectNode document = cleanJson();
        ((ObjectNode) document.get("medicalPlan")).put("infectionResponsePlan", plan);
        ((ObjectNode) worker(document, 0).get("residence")).put("commune", "Song Khê – Nội Hoàng");

        String id = created(post(document));

        ApplicationDocument stored = applications.document(id);
        assertThat(stored.medicalPlan().infectionResponsePlan()).isEqualTo(plan);
        assertThat(stored.workers().get(0).residence().commune()).isEqualTo("Song Khê – Nội Hoàng");
    }

    @Test
    void datesOutsideThePandemicAreNamed() {
        ObjectNode bad = cleanJson();
        bad.put("plannedRestartDate", "+999999999-12-31");
        test(bad, 0, 0).put("sampledAt", "1900-01-01T09:00:00+07:00");
        worker(bad, 1).put("closeContactSince", "2019-12-31");
        ObjectNode ancient = cleanJson();
        ancient.put("plannedRestartDate", "1900-01-01");
        ObjectNode unsigned = cleanJson();
        unsigned.put("plannedRestartDate", "999999999-01-01");

        JsonNode problem = problem(post(bad), HttpStatus.BAD_REQUEST);
        JsonNode ancientProblem = problem(post(ancient), HttpStatus.BAD_REQUEST);
        JsonNode unsignedProblem = problem(post(unsigned), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "plannedRestartDate", "workers[0].tests[0].sampledAt", "workers[1].closeContactSince");
        assertThat(problem.get("detail").asText()).contains("2020-01-01", "a year");
        assertErrors(ancientProblem, "plannedRestartDate");
        assertErrors(unsignedProblem, "plannedRestartDate");
        assertNothingStored();
    }

    @Test
    void numberTooLargeIsNamed() {
        ObjectNode huge = cleanJson();
        ((ObjectNode) huge.get("medicalPlan")).put("medicalStaff", 99_999_999_999L);

        JsonNode problem = problem(post(huge), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "medicalPlan.medicalStaff");
        assertNothingStored();
    }

    @Test
    void unknownAccommodationIsNamed() {
        ObjectNode unknown = cleanJson();
        worker(unknown, 1).put("accommodationId", "KTX-404");

        JsonNode problem = problem(post(unknown), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "workers[1].accommodationId");
        assertThat(message(problem)).contains("KTX-404");
        assertNothingStored();
    }

    @Test
    void duplicatedCitizenIdIsNamedWhereItRepeats() {
        ObjectNode twice = cleanJson();
        worker(twice, 1).put("citizenId", worker(twice, 0).get("citizenId").asText());

        JsonNode problem = problem(post(twice), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "workers[1].citizenId");
        assertThat(message(problem)).contains("workers[0]");
        assertNothingStored();
    }

    @Test
    void severalBadFieldsAreReportedInOneAnswer() {
        ObjectNode bad = cleanJson();
        ((ObjectNode) bad.get("enterprise")).put("taxCode", "24-00");
        worker(bad, 0).put("vaccinationDoses", 11);
        worker(bad, 1).put("shuttleId", "XE-9");
        ((ObjectNode) bad.withArray("shuttles").get(0)).put("seats", 0);

        JsonNode problem = problem(post(bad), HttpStatus.BAD_REQUEST);

        assertErrors(problem, "enterprise.taxCode", "workers[0].vaccinationDoses", "workers[1].shuttleId",
                "shuttles[0].seats");
        assertThat(problem.get("detail").asText()).contains("enterprise.taxCode", "shuttles[0].seats");
        assertNothingStored();
    }

    @Test
    void wrongContentTypeIsRefusedAs415() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);

        ResponseEntity<String> answer = http.postForEntity("/api/applications",
                new HttpEntity<>(cleanJson().toString(), headers), String.class);

        JsonNode problem = problem(answer, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(problem.get("detail").asText()).contains("text/plain");
        assertNothingStored();
    }

    @Test
    void wrongMethodAndUnknownPathAreProblemsToo() {
        ResponseEntity<String> delete = http.exchange("/api/applications", HttpMethod.DELETE, null, String.class);

        problem(delete, HttpStatus.METHOD_NOT_ALLOWED);
        problem(http.postForEntity("/api/aplications", new HttpEntity<>(cleanJson().toString(), jsonHeaders()),
                String.class), HttpStatus.NOT_FOUND);
        assertNothingStored();
    }

    @Test
    void emptyBodyIsRefused() {
        JsonNode empty = problem(post(""), HttpStatus.BAD_REQUEST);
        JsonNode literalNull = problem(post("null"), HttpStatus.BAD_REQUEST);

        assertThat(empty.get("detail").asText()).contains("empty").doesNotContain("org.greenlane");
        assertThat(literalNull.get("detail").asText()).contains("empty").doesNotContain("org.greenlane");
        assertNothingStored();
    }

    @Test
    void correctingAnUnknownApplicationIsNotFound() {
        String id = UUID.randomUUID().toString();

        JsonNode problem = problem(put(id, cleanJson()), HttpStatus.NOT_FOUND);

        assertThat(problem.get("detail").asText()).contains(id);
        assertNothingStored();
    }

    @Test
    void correctionCannotChangeTheTaxCodeNorCarryBadFields() {
        // given an application blocked by an unknown industrial park
        ObjectNode document = json.valueToTree(TestApplications.inPark(TestApplications.clean(2), "KCN Mặt Trăng"));
        String id = created(post(document));
        awaitStatus(id, "NEEDS_CORRECTION");
        before = stored();

        // when its correction moves it to another enterprise, or carries a bad field
        ObjectNode otherEnterprise = document.deepCopy();
        ((ObjectNode) otherEnterprise.get("enterprise")).put("taxCode", "2400999999");
        JsonNode moved = problem(put(id, otherEnterprise), HttpStatus.BAD_REQUEST);
        ObjectNode badField = document.deepCopy();
        worker(badField, 0).put("vaccinationDoses", -1);
        JsonNode invalid = problem(put(id, badField), HttpStatus.BAD_REQUEST);
        JsonNode malformed = problem(put(id, "{\"enterprise\":"), HttpStatus.BAD_REQUEST);

        // then both are refused, and the application is as it was
        assertErrors(moved, "enterprise.taxCode");
        assertThat(message(moved)).contains("2400123456");
        assertErrors(invalid, "workers[0].vaccinationDoses");
        assertThat(malformed.get("title").asText()).isEqualTo("Malformed JSON");
        JsonNode view = status(id);
        assertThat(view.get("status").asText()).isEqualTo("NEEDS_CORRECTION");
        assertThat(view.get("revision").asInt()).isEqualTo(1);
        assertThat(view.at("/enterprise/taxCode").asText()).isEqualTo("2400123456");
        assertNothingStored();
    }

    @Test
    void idempotencyKeyReusedForAnotherApplicationIsAConflict() {
        String key = UUID.randomUUID().toString();
        String id = created(post(cleanJson(), key));
        before = stored();

        ObjectNode other = cleanJson();
        ((ObjectNode) other.get("enterprise")).put("name", "Công ty khác");
        JsonNode problem = problem(post(other, key), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asText()).contains("Idempotency-Key").contains(id);
        assertNothingStored();
    }

    @Test
    void pageOutOfRangeIsRefused() {
        JsonNode negative = problem(http.getForEntity("/api/applications?page=-1", String.class),
                HttpStatus.BAD_REQUEST);
        JsonNode tooBig = problem(http.getForEntity("/api/applications?size=1000", String.class),
                HttpStatus.BAD_REQUEST);
        JsonNode notANumber = problem(http.getForEntity("/api/applications?page=two", String.class),
                HttpStatus.BAD_REQUEST);
        JsonNode unknownStatus = problem(http.getForEntity("/api/applications?status=PENDING", String.class),
                HttpStatus.BAD_REQUEST);

        assertErrors(negative, "page");
        assertErrors(tooBig, "size");
        assertErrors(notANumber, "page");
        assertErrors(unknownStatus, "status");
        assertNothingStored();
    }

    @Test
    void vietnameseNameRoundTripsUnchanged() {
        String name = "Công ty Cổ phần May Sông Hồng – Chi nhánh Bắc Giang (Đặng Thị Hường, Nguyễn Ước)";
        ObjectNode document = cleanJson();
        ((ObjectNode) document.get("enterprise")).put("name", name);

        String id = created(post(document.toString()));

        assertThat(status(id).at("/enterprise/name").asText()).isEqualTo(name);
        assertThat(jdbc.sql("select enterprise_name from application where id = ?").param(id).query(String.class)
                .single()).isEqualTo(name);
    }

    private ObjectNode cleanJson() {
        return json.valueToTree(TestApplications.clean(3));
    }

    private static ObjectNode worker(ObjectNode document, int index) {
        return (ObjectNode) document.withArray("workers").get(index);
    }

    private static ObjectNode test(ObjectNode document, int worker, int index) {
        return (ObjectNode) ((ArrayNode) worker(document, worker).get("tests")).get(index);
    }

    private ResponseEntity<String> post(Object body) {
        return post(body, null);
    }

    private ResponseEntity<String> post(Object body, String idempotencyKey) {
        HttpHeaders headers = jsonHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity("/api/applications", new HttpEntity<>(body.toString(), headers), String.class);
    }

    private ResponseEntity<String> put(String id, Object body) {
        return http.exchange("/api/applications/" + id, HttpMethod.PUT,
                new HttpEntity<>(body.toString(), jsonHeaders()), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private String created(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(answer.getBody()).get("id").asText();
    }

    /** The problem body, once status and content type are as the API promises. */
    private JsonNode problem(ResponseEntity<String> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).as(answer.getBody()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(PROBLEM)).isTrue());
        JsonNode problem = read(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("java.");
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static void assertErrors(JsonNode problem, String... fields) {
        assertThat(problem.get("errors")).as(problem.toString()).isNotNull();
        assertThat(problem.get("errors").findValuesAsText("field")).as(problem.toString())
                .containsExactlyInAnyOrder(fields);
        assertThat(problem.get("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    private static String message(JsonNode problem) {
        return problem.get("errors").get(0).get("message").asText();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private Stored stored() {
        return new Stored(jdbc.sql("select count(*) from application").query(Long.class).single(),
                runtime.createProcessInstanceQuery().count());
    }

    private void assertNothingStored() {
        assertThat(stored()).isEqualTo(before);
    }

    /** What a refused request must leave as it was. */
    private record Stored(long applications, long processInstances) {
    }
}
