package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.system.Checksum;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A rule draft is untrusted code: what-if, validate and activation refuse one that reaches outside the facts before
 * any of it runs, and the audit trail keeps who tried what, with the checksums.
 */
class RuleDraftTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private final Path marker = Path.of(System.getProperty("java.io.tmpdir"), "greenlane-pwned-" + UUID.randomUUID());

    /** A rule that fires for every application and runs a program on the server. */
    private String runsAProgram() {
        return """
                package org.greenlane.rules;
                import org.greenlane.screening.ApplicationFact;
                rule "Pwn"
                when
                    ApplicationFact()
                then
                    Runtime.getRuntime().exec(new String[] {"touch", "%s"}).waitFor();
                end
                """.formatted(marker);
    }

    @Test
    void aWhatIfWithADraftThatRunsAProgramIsRefusedAndNothingRuns() throws Exception {
        // when a rule author tries a draft whose consequence runs a program
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("files", file("pwn.drl", runsAProgram()));
        parts.add("application", jsonPart());
        ResponseEntity<JsonNode> answer = author().postForEntity("/api/rules/what-if", multipart(parts), JsonNode.class);

        // then it is refused naming the file and line, the program never ran, and the attempt is audited
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("problems").get(0).get("file").asText()).isEqualTo("pwn.drl");
        assertThat(answer.getBody().get("problems").toString()).contains("line 7", "Runtime");
        assertThat(marker).doesNotExist();
        assertThat(lastAudit("RULES_WHAT_IF")).contains("refused", "pwn.drl sha256:"
                + Checksum.sha256(runsAProgram().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validateAndActivationRefuseItToo() {
        long activations = jdbc.sql("select count(*) from rule_set_activation").query(Long.class).single();
        String exits = """
                package org.greenlane.rules;
                import org.greenlane.screening.ApplicationFact;
                rule "Stop"
                when
                    ApplicationFact()
                then
                    System.exit(1);
                end
                """;

        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("files", file("stop.drl", exits));
        JsonNode validation = author().postForObject("/api/rules/validate", multipart(parts), JsonNode.class);
        HttpHeaders octets = new HttpHeaders();
        octets.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<JsonNode> written = author().exchange("/api/rules/files/stop.drl?comment=x", HttpMethod.PUT,
                new HttpEntity<>(exits.getBytes(StandardCharsets.UTF_8), octets), JsonNode.class);

        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("problems").toString()).contains("System");
        assertThat(written.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(RULES.resolve("stop.drl")).doesNotExist();
        assertThat(jdbc.sql("select count(*) from rule_set_activation").query(Long.class).single())
                .isEqualTo(activations);
        assertThat(lastAudit("RULES_VALIDATED")).startsWith("refused").contains("stop.drl sha256:");
        assertThat(lastAudit("RULES_REFUSED")).contains("stop.drl sha256:");
    }

    @Test
    void aHarmlessWhatIfIsAuditedWithItsOutcome() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("files", file("probe.drl", "package org.greenlane.rules;\n"));
        parts.add("application", jsonPart());

        ResponseEntity<JsonNode> answer = author().postForEntity("/api/rules/what-if", multipart(parts), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastAudit("RULES_WHAT_IF")).startsWith("eligible 2 → 2").contains("probe.drl sha256:");
        assertThat(jdbc.sql("select actor from audit_event where action = 'RULES_WHAT_IF' order by id desc limit 1")
                .query(String.class).single()).isEqualTo(RULE_AUTHOR);
    }

    private String lastAudit(String action) {
        return jdbc.sql("select detail from audit_event where action = ? order by id desc limit 1").param(action)
                .query(String.class).single();
    }

    private TestRestTemplate author() {
        return http.withBasicAuth(RULE_AUTHOR, PASSWORD);
    }

    private HttpEntity<String> jsonPart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(json.writeValueAsString(TestApplications.clean(2)), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(LinkedMultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
