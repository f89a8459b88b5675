package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.rules.TestRuleApi.activations;
import static org.greenlane.rules.TestRuleApi.draft;
import static org.greenlane.rules.TestRuleApi.harmlessRule;
import static org.greenlane.rules.TestRuleApi.jsonPart;
import static org.greenlane.rules.TestRuleApi.multipart;
import static org.greenlane.rules.TestRuleApi.octets;
import static org.greenlane.rules.TestRuleApi.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Rule file names the folder could not hold, in the path of a write or delete and as the file names of a draft: each
 * is a 400 naming {@code name}, and neither the folder nor the active rule set changes.
 */
class RuleNameTest extends IntegrationTest {

    /** Past the 255 bytes a file name may have on the file system. */
    private static final String TOO_LONG = "a".repeat(300) + ".drl";
    /** A rule that never fires. */
    private static final String HARMLESS = harmlessRule("RuleNameTest", "");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private TestRestTemplate author;
    private SortedMap<String, byte[]> filesBefore;
    private long activationsBefore;

    @BeforeEach
    void rememberTheRules() {
        author = ruleAuthor();
        filesBefore = new RuleFolder(RULES).read();
        activationsBefore = activations(jdbc);
    }

    @Test
    void aNameTooLongOrWithAControlCharacterIsRefusedForWriteAndDelete() {
        byte[] rule = HARMLESS.getBytes(StandardCharsets.UTF_8);
        String accented = "ệ".repeat(70) + ".drl";

        List<ResponseEntity<JsonNode>> answers = List.of(
                author.exchange("/api/rules/files/{name}", HttpMethod.PUT, octets(rule), JsonNode.class, TOO_LONG),
                author.exchange("/api/rules/files/{name}", HttpMethod.PUT, octets(rule), JsonNode.class, accented),
                author.exchange("/api/rules/files/{name}", HttpMethod.DELETE, null, JsonNode.class, TOO_LONG),
                author.exchange(URI.create(http.getRootUri() + "/api/rules/files/a%01b.drl"), HttpMethod.PUT,
                        octets(rule), JsonNode.class),
                author.exchange(URI.create(http.getRootUri() + "/api/rules/files/a%1Bb.drl"), HttpMethod.DELETE,
                        null, JsonNode.class));

        assertThat(answers).allSatisfy(this::assertNameRefused);
        assertThat(answers.get(0).getBody().at("/errors/0/message").asText()).contains("200 bytes");
        assertThat(answers.get(3).getBody().at("/errors/0/message").asText()).contains("U+0001");
        assertNothingChanged();
    }

    @Test
    void aDraftFileNameTooLongIsRefusedForValidateAndWhatIf() {
        MultiValueMap<String, Object> whatIf = new LinkedMultiValueMap<>();
        whatIf.add("files", draft(TOO_LONG, HARMLESS));
        whatIf.add("application", jsonPart(json.valueToTree(TestApplications.clean(2))));

        assertNameRefused(post(author, "/api/rules/validate", draft(TOO_LONG, HARMLESS)));
        assertNameRefused(post(author, "/api/rules/what-if", whatIf));
        assertNothingChanged();
    }

    @Test
    void aWhatIfApplicationWithANulIsRefusedNamingItsField() {
        ObjectNode application = json.valueToTree(TestApplications.clean(2));
        ((ObjectNode) application.withArray("workers").get(1)).put("fullName", "Nguyễn\u0000 Văn Công");
        MultiValueMap<String, Object> whatIf = new LinkedMultiValueMap<>();
        whatIf.add("files", draft("extra.drl", HARMLESS));
        whatIf.add("application", jsonPart(application));

        ResponseEntity<JsonNode> answer = post(author, "/api/rules/what-if", whatIf);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("workers[1].fullName");
        assertNothingChanged();
    }

    @Test
    void aCommentOrApplicationIdWithAControlCharacterIsRefusedNamingTheParameter() {
        int version = author.getForObject("/api/rules", JsonNode.class).get("version").asInt();
        MultiValueMap<String, Object> whatIf = new LinkedMultiValueMap<>();
        whatIf.add("files", draft("extra.drl", HARMLESS));

        ResponseEntity<JsonNode> comment = author.postForEntity(URI.create(http.getRootUri()
                + "/api/rules/versions/" + version + "/activate?comment=nul%00here"), null, JsonNode.class);
        ResponseEntity<JsonNode> applicationId = author.postForEntity(URI.create(http.getRootUri()
                + "/api/rules/what-if?applicationId=a%00b"), multipart(whatIf), JsonNode.class);

        assertThat(comment.getStatusCode()).as(String.valueOf(comment.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(comment.getBody().get("errors").findValuesAsText("field")).containsExactly("comment");
        assertThat(applicationId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(applicationId.getBody().get("errors").findValuesAsText("field")).containsExactly("applicationId");
        assertNothingChanged();
    }

    private void assertNameRefused(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("name");
    }

    private void assertNothingChanged() {
        SortedMap<String, byte[]> files = new RuleFolder(RULES).read();
        assertThat(files.keySet()).containsExactlyElementsOf(filesBefore.keySet());
        filesBefore.forEach((name, content) -> assertThat(files.get(name)).as(name).isEqualTo(content));
        assertThat(activations(jdbc)).isEqualTo(activationsBefore);
    }
}
