package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.rules.TestRuleApi.activations;
import static org.greenlane.rules.TestRuleApi.draft;
import static org.greenlane.rules.TestRuleApi.jsonPart;
import static org.greenlane.rules.TestRuleApi.multipart;
import static org.greenlane.rules.TestRuleApi.octets;
import static org.greenlane.rules.TestRuleApi.post;

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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
        parts.add("files", draft("pwn.drl", runsAProgram()));
        parts.add("application", jsonPart(json, TestApplications.clean(2)));
        ResponseEntity<JsonNode> answer = post(ruleAuthor(), "/api/rules/what-if", parts);

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
        long activations = activations(jdbc);
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
        parts.add("files", draft("stop.drl", exits));
        JsonNode validation = ruleAuthor().postForObject("/api/rules/validate", multipart(parts), JsonNode.class);
        ResponseEntity<JsonNode> written = ruleAuthor().exchange("/api/rules/files/stop.drl?comment=x", HttpMethod.PUT,
                octets(exits.getBytes(StandardCharsets.UTF_8)), JsonNode.class);

        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("problems").toString()).contains("System");
        assertThat(written.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(RULES.resolve("stop.drl")).doesNotExist();
        assertThat(activations(jdbc)).isEqualTo(activations);
        assertThat(lastAudit("RULES_VALIDATED")).startsWith("refused").contains("stop.drl sha256:");
        assertThat(lastAudit("RULES_REFUSED")).contains("stop.drl sha256:");
    }

    @Test
    void aHarmlessWhatIfIsAuditedWithItsOutcome() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("files", draft("probe.drl", "package org.greenlane.rules;\n"));
        parts.add("application", jsonPart(json, TestApplications.clean(2)));

        ResponseEntity<JsonNode> answer = post(ruleAuthor(), "/api/rules/what-if", parts);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lastAudit("RULES_WHAT_IF")).startsWith("eligible 2 → 2").contains("probe.drl sha256:");
        assertThat(jdbc.sql("select actor from audit_event where action = 'RULES_WHAT_IF' order by id desc limit 1")
                .query(String.class).single()).isEqualTo(RULE_AUTHOR);
    }

    private String lastAudit(String action) {
        return jdbc.sql("select detail from audit_event where action = ? order by id desc limit 1").param(action)
                .query(String.class).single();
    }
}
