package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A body over the 16 MB limit is refused with 413 and nothing is stored, whether its length is declared up front
 * or it is streamed in chunks. The requests go through the JDK client directly, so that the test chooses between
 * a declared length and chunked transfer, which RestTemplate decides on its own.
 */
class OversizedBodyTest extends ApiTest {

    private static final long LIMIT = 16L * 1024 * 1024;
    /** A roster too large to send: about 20 MB of valid JSON, so only its size is wrong. */
    private static byte[] oversized;

    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void aRosterOverTheLimit() throws Exception {
        if (oversized == null) {
            oversized = json.writeValueAsBytes(TestApplications.clean(70_000));
        }
        assertThat((long) oversized.length).isGreaterThan(LIMIT);
    }

    @Test
    void aBodyWithADeclaredLengthOverTheLimitIs413() throws Exception {
        Stored before = stored();

        HttpResponse<String> answer = post(BodyPublishers.ofByteArray(oversized));

        assertTooLarge(answer);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIs413() throws Exception {
        Stored before = stored();

        // no length: the body arrives chunked, and the server stops reading at the limit
        HttpResponse<String> answer = post(BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(oversized)));

        assertTooLarge(answer);
        assertThat(stored()).isEqualTo(before);
    }

    private void assertTooLarge(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asText()).isEqualTo("Request body too large");
        assertThat(problem.get("detail").asText()).contains("16 MB");
    }

    private HttpResponse<String> post(BodyPublisher body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String basic = Base64.getEncoder().encodeToString((ENTERPRISE + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/applications"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Stored stored() {
        return new Stored(applicationRows(), runtime.createProcessInstanceQuery().count());
    }

    /** What a refused request must leave as it was. */
    private record Stored(long applications, long processInstances) {
    }
}
