package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.greenlane.TestApplications;
import org.greenlane.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bearer tokens of the province identity provider, signed here by {@link #TOKENS}: {@code tax_code} makes
 * the enterprise, {@code groups} a staff member; a token signed by anyone else, or expired, is no login at all.
 * Token times are real time: the server checks them on the system clock, not on the tests' fixed one.
 */
class BearerTokenTest extends ApiTest {

    private String id;

    @BeforeEach
    void anApplicationOfTheDemoEnterprise() {
        id = submitted(http, TestApplications.clean(2));
    }

    @Test
    void anEnterpriseTokenReadsThatEnterprisesApplications() {
        String token = TOKENS.sign(claims().claim("tax_code", ENTERPRISE));

        ResponseEntity<String> read = get("/api/applications/" + id, token);
        ResponseEntity<String> list = get("/api/applications?size=200", token);

        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read(read.getBody()).at("/enterprise/taxCode").asText()).isEqualTo(ENTERPRISE);
        assertThat(read(list.getBody()).get("content").findValuesAsText("taxCode")).containsOnly(ENTERPRISE);
    }

    @Test
    void anotherEnterprisesTokenDoesNotSeeTheApplication() {
        String other = newTaxCode();
        String token = TOKENS.sign(claims().claim("tax_code", other));

        problem(get("/api/applications/" + id, token), HttpStatus.NOT_FOUND);
        assertThat(read(get("/api/applications?size=200", token).getBody()).get("content").findValuesAsText("id"))
                .doesNotContain(id);
        JsonNode refused = problem(post(TestApplications.clean(2), token), HttpStatus.FORBIDDEN);
        assertThat(refused.get("errors").findValuesAsText("field")).containsExactly("enterprise.taxCode");
    }

    @Test
    void aStaffTokenReadsAnyApplicationButSubmitsNone() {
        String token = TOKENS.sign(claims().claim("preferred_username", "inspector").claim("groups", List.of("health")));

        ResponseEntity<String> read = get("/api/applications/" + id, token);
        ResponseEntity<String> list = get("/api/applications?size=200", token);

        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(read(list.getBody()).get("totalElements").asLong()).isEqualTo(applicationRows());
        problem(post(TestApplications.clean(2), token), HttpStatus.FORBIDDEN);
        problem(get("/api/rules", token), HttpStatus.FORBIDDEN);
        problem(get("/api/audit", token), HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenWithNeitherTaxCodeNorGroupsMayReadNothing() {
        String token = TOKENS.sign(claims());

        problem(get("/api/applications/" + id, token), HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsNoLogin() {
        String forged = new TokenIssuer().sign(claims().claim("tax_code", ENTERPRISE));

        ResponseEntity<String> answer = get("/api/applications/" + id, forged);

        problem(answer, HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNotBlank();
        assertThat(answer.getBody()).doesNotContain(id);
    }

    @Test
    void anExpiredTokenIsNoLogin() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = TOKENS.sign(new JWTClaimsSet.Builder().subject("enterprise-" + ENTERPRISE)
                .issueTime(Date.from(anHourAgo.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(anHourAgo)).claim("tax_code", ENTERPRISE));

        ResponseEntity<String> answer = get("/api/applications/" + id, expired);

        problem(answer, HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody()).doesNotContain(id);
    }

    @Test
    void aTamperedTokenIsNoLogin() {
        String staff = TOKENS.sign(claims().claim("groups", List.of("labour")));
        String[] parts = staff.split("\\.");
        String admin = TOKENS.sign(claims().claim("groups", List.of("admin"))).split("\\.")[1];

        problem(get("/api/audit", parts[0] + "." + admin + "." + parts[2]), HttpStatus.UNAUTHORIZED);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** The bearer token takes the place of the demo enterprise's Basic credentials the template would add. */
    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return anonymous().exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(Object application, String token) {
        HttpEntity<String> body = jsonBody(application);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(body.getHeaders());
        headers.setBearerAuth(token);
        return anonymous().postForEntity("/api/applications", new HttpEntity<>(body.getBody(), headers),
                String.class);
    }
}
