package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.rules.TestRuleApi.activations;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A page on another site cannot change data through the API with the credentials a browser holds: a request with a
 * foreign Origin is refused, and so are form-encoded and plain-text bodies, which a foreign page may send without
 * asking. Greenlane's own origin and clients that are no browser (no Origin, as curl) are served.
 */
class CrossSiteRequestTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aForeignPageCannotActivateARuleVersion() {
        // given the active version
        int version = read(as(RULE_AUTHOR).getForEntity("/api/rules", String.class).getBody()).get("version").asInt();
        long activations = activations(jdbc);

        // when a foreign page posts the activation, as a form and as JSON, or marks itself cross-site
        ResponseEntity<String> form = activate(version, "https://evil.example", MediaType.APPLICATION_FORM_URLENCODED,
                null);
        ResponseEntity<String> foreign = activate(version, "https://evil.example", MediaType.APPLICATION_JSON, null);
        ResponseEntity<String> fetched = activate(version, null, MediaType.APPLICATION_JSON, "cross-site");
        ResponseEntity<String> formWithoutOrigin = activate(version, null, MediaType.APPLICATION_FORM_URLENCODED, null);
        ResponseEntity<String> plainText = as(RULE_AUTHOR).exchange("/api/rules/files/probe.drl", HttpMethod.PUT,
                body("package org.greenlane.rules;", MediaType.TEXT_PLAIN, null, null), String.class);

        // then nothing is activated
        assertThat(problem(form, HttpStatus.FORBIDDEN).get("title").asText()).isEqualTo("Cross-site request refused");
        problem(foreign, HttpStatus.FORBIDDEN);
        problem(fetched, HttpStatus.FORBIDDEN);
        problem(formWithoutOrigin, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        problem(plainText, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(activations(jdbc)).isEqualTo(activations);

        // and from Greenlane's own origin, or from curl, it is
        assertThat(activate(version, "http://localhost:" + port, MediaType.APPLICATION_JSON, "same-origin")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activate(version, null, null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activations(jdbc)).isEqualTo(activations + 2);
    }

    private ResponseEntity<String> activate(int version, String origin, MediaType type, String fetchSite) {
        return as(RULE_AUTHOR).postForEntity("/api/rules/versions/{v}/activate?comment=cross-site%20probe",
                body(type == MediaType.APPLICATION_JSON ? "{}" : type == null ? null : "comment=x", type, origin,
                        fetchSite), String.class, version);
    }

    private static HttpEntity<String> body(String content, MediaType type, String origin, String fetchSite) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        if (origin != null) {
            headers.setOrigin(origin);
        }
        if (fetchSite != null) {
            headers.set("Sec-Fetch-Site", fetchSite);
        }
        return new HttpEntity<>(content, headers);
    }
}
