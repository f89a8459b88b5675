package org.greenlane.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The rule API's requests as a rule author's tool sends them, shared by the rule, impact and security tests. */
public final class TestRuleApi {

    private TestRuleApi() {
    }

    /** Writes one rule file through the API, which activates the result; {@code null} comment sends an empty one. */
    public static ResponseEntity<JsonNode> putFile(TestRestTemplate author, String name, byte[] content,
            String comment) {
        return author.exchange("/api/rules/files/{name}?comment={c}", HttpMethod.PUT, octets(content), JsonNode.class,
                name, comment == null ? "" : comment);
    }

    /** Posts one draft file as the {@code files} part. */
    public static ResponseEntity<JsonNode> post(TestRestTemplate author, String path, ByteArrayResource file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("files", file);
        return post(author, path, parts);
    }

    public static ResponseEntity<JsonNode> post(TestRestTemplate author, String path,
            MultiValueMap<String, Object> parts) {
        return author.postForEntity(path, multipart(parts), JsonNode.class);
    }

    /** The parts as a multipart form, asking for {@code accept} if any is given. */
    public static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> parts,
            MediaType... accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (accept.length > 0) {
            headers.setAccept(List.of(accept));
        }
        return new HttpEntity<>(parts, headers);
    }

    public static HttpEntity<byte[]> octets(byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(content, headers);
    }

    /** The {@code application} part: a document as the server's own mapper writes it. */
    public static HttpEntity<String> jsonPart(ObjectMapper json, Object application) {
        try {
            return jsonPart(json.writeValueAsString(application));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code application} part as the tree holds it, which may be what no document could be. */
    public static HttpEntity<String> jsonPart(JsonNode application) {
        return jsonPart(application.toString());
    }

    private static HttpEntity<String> jsonPart(String application) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(application, headers);
    }

    public static ByteArrayResource draft(String name, String content) {
        return draft(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file part: the server takes the rule file's name from the part's filename. */
    public static ByteArrayResource draft(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** A rule that never fires, named for {@code test}; {@code note} goes into its comment (may be empty). */
    public static String harmlessRule(String test, String note) {
        return """
                package org.greenlane.rules;

                import org.greenlane.screening.ApplicationFact;

                // A rule for %s%s; no application has fewer than zero workers.
                rule "%sHarmlessRule"
                when
                    ApplicationFact( workerCount < 0 )
                then
                end
                """.formatted(test, note, test);
    }

    /** How many activations the database holds, each a rule set made live. */
    public static long activations(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from rule_set_activation").query(Long.class).single();
    }
}
