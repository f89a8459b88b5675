package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Requests Tomcat refuses before any filter or controller sees them, sent for real to the running server: the answer
 * is a problem like every other error of the API, not Tomcat's HTML page.
 */
class TomcatErrorReportsTest extends IntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ObjectMapper json;

    @Test
    void aHeaderOverTheSizeLimitIsAProblem() throws Exception {
        // Tomcat's limit for the request line and headers together is 8 KB unless configured
        HttpRequest huge = request("/api/applications").header("X-Filler", "a".repeat(16 * 1024)).GET().build();

        HttpResponse<String> answer = send(huge);

        JsonNode problem = badRequestProblem(answer);
        assertThat(problem.get("detail").asText()).contains("headers");
    }

    @Test
    void anEncodedSlashInThePathIsAProblem() throws Exception {
        HttpResponse<String> answer = send(request("/api/applications/a%2Fb").GET().build());

        JsonNode problem = badRequestProblem(answer);
        assertThat(problem.get("detail").asText()).contains("encoded slash");
    }

    private JsonNode badRequestProblem(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("tomcat")
                .doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        return problem;
    }

    /** As the demo enterprise, so that nothing but the request's own fault can refuse it. */
    private HttpRequest.Builder request(String rawPath) {
        String basic = Base64.getEncoder().encodeToString((ENTERPRISE + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(http.getRootUri() + rawPath)).header("Authorization", "Basic " + basic);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
