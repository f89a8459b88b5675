package org.greenlane.permit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The re-test results an enterprise posts for its approved application, as the permit tests send them. */
final class TestResults {

    private TestResults() {
    }

    /** One worker's PCR result, sampled at {@code sampledAt} (ISO with offset), POSITIVE or NEGATIVE. */
    static ResponseEntity<JsonNode> post(TestRestTemplate enterprise, String id, String citizenId, String sampledAt,
            String result) {
        return enterprise.postForEntity("/api/applications/" + id + "/tests", Map.of("results", List.of(Map.of(
                "citizenId", citizenId,
                "test", Map.of("type", "PCR", "sampledAt", sampledAt, "result", result)))), JsonNode.class);
    }
}
