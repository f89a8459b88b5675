package org.greenlane.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.permit.OfflineCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A checkpoint verifies a permit's or a shuttle pass's token without logging in: its signature and expiry, and the
 * permit's state now.
 */
class VerificationTest extends IntegrationTest {

    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void backToNow() {
        clock.reset();
        identity.clearAuthentication();
    }

    @Test
    void aPermitAndItsShuttlePassAreValidForAnyoneAndNameNoWorker() {
        // given an approved application: three workers, the shuttle 98B-123.45 driven by Trần Văn Lái
        ApplicationDocument application = TestApplications.clean(3);
        String id = approve(application);
        JsonNode permit = status(id).get("permit");

        // when a checkpoint verifies the permit's token and the pass's, without logging in
        JsonNode verdict = verify(permit.get("token").asText());
        JsonNode pass = verify(permit.at("/shuttlePasses/0/token").asText());

        // then both are valid for the rule set's re-test interval, and say what a checkpoint checks
        assertThat(verdict.get("result").asText()).isEqualTo("VALID");
        assertThat(verdict.at("/permit/kind").asText()).isEqualTo("PERMIT");
        assertThat(verdict.at("/permit/number").asText()).isEqualTo(permit.get("number").asText()).startsWith("BG-2021-");
        assertThat(verdict.at("/permit/enterprise").asText()).isEqualTo("Công ty TNHH Điện tử Hồng Hải Bắc Giang");
        assertThat(verdict.at("/permit/park").asText()).isEqualTo("Quang Châu");
        assertThat(verdict.at("/permit/approvedWorkers").asInt()).isEqualTo(3);
        assertThat(verdict.at("/permit/plates/0").asText()).isEqualTo("98B-123.45");
        assertThat(Instant.parse(verdict.at("/permit/expiresAt").asText()))
                .isEqualTo(TestApplications.NOW.plus(Duration.ofDays(7)));
        assertThat(pass.get("result").asText()).isEqualTo("VALID");
        assertThat(pass.at("/permit/kind").asText()).isEqualTo("SHUTTLE_PASS");
        assertThat(pass.at("/permit/plate").asText()).isEqualTo("98B-123.45");
        assertThat(pass.at("/permit/driver").asText()).isEqualTo("Trần Văn Lái");
        assertThat(pass.at("/permit/seats").asInt()).isEqualTo(45);
        // and the tokens carry no citizen id, of a worker or of the driver
        String claims = payload(permit.get("token").asText()) + payload(permit.at("/shuttlePasses/0/token").asText());
        application.workers().forEach(worker -> assertThat(claims).doesNotContain(worker.citizenId()));
        assertThat(claims).doesNotContain(application.shuttles().get(0).driver().citizenId());
    }

    @Test
    void aChangedClaimAnotherKeyOrNoSignatureIsForged() throws Exception {
        // given a valid permit token and its key's id
        String token = status(approve(TestApplications.clean(2))).at("/permit/token").asText();
        String[] parts = token.split("\\.");
        String keyId = SignedJWT.parse(token).getHeader().getKeyID();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        ObjectNode more = (ObjectNode) json.readTree(payload(token));
        more.put("approvedWorkers", 300);
        ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();

        // when a checkpoint is shown tokens made from it without the permit key
        Map<String, String> forged = Map.of(
                "a claim changed", parts[0] + "." + base64Url(json.writeValueAsBytes(more)) + "." + parts[2],
                "signed by another key under its id", signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                        .build(), claims, new ECDSASigner(otherKey)),
                "alg none", base64Url("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".",
                "an all-zero signature", parts[0] + "." + parts[1] + "." + base64Url(new byte[64]),
                "HS256 keyed with the public key", signed(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId)
                        .build(), claims, new MACSigner(publicKeys().getKeyByKeyId(keyId).toJSONString()
                        .getBytes(StandardCharsets.UTF_8))),
                "no token of Greenlane's", "abc.def.ghi");

        // then each is forged, and the answer repeats none of its claims
        forged.forEach((how, bad) -> {
            JsonNode verdict = verify(bad);
            assertThat(verdict.get("result").asText()).as(how).isEqualTo("FORGED");
            assertThat(verdict.has("permit")).as(how).isFalse();
        });
        assertThat(verify(token).get("result").asText()).isEqualTo("VALID");
    }

    @Test
    void aTokenExpiresAtItsExpiry() {
        // given a permit issued now, for the shipped re-test interval of 7 days
        JsonNode permit = status(approve(TestApplications.clean(2))).get("permit");
        Instant expiry = Instant.parse(permit.get("expiresAt").asText());

        // when a checkpoint verifies it a second before, and at its expiry
        clock.set(expiry.minusSeconds(1));
        String before = verify(permit.get("token").asText()).get("result").asText();
        clock.set(expiry);
        JsonNode at = verify(permit.at("/shuttlePasses/0/token").asText());

        // then it is valid, then expired, still saying whose it was
        assertThat(before).isEqualTo("VALID");
        assertThat(at.get("result").asText()).isEqualTo("EXPIRED");
        assertThat(at.at("/permit/plate").asText()).isEqualTo("98B-123.45");
    }

    @Test
    void aSuspendedPermitFailsAtOnceAResumedOneIsIssuedAgainAndARevokedOneFailsForGood() {
        // given an approved application's permit and pass
        ApplicationDocument application = TestApplications.clean(3);
        String id = approve(application);
        JsonNode first = status(id).get("permit");

        // when an infection case is reported
        reportCase(id, application.workers().get(0).citizenId());

        // then its tokens, issued minutes ago and unexpired, are suspended
        assertThat(verify(first.get("token").asText()).get("result").asText()).isEqualTo("SUSPENDED");
        assertThat(verify(first.at("/shuttlePasses/0/token").asText()).get("result").asText()).isEqualTo("SUSPENDED");

        // when the health group lets it resume without the isolated workers
        decide(id, "health", "RESUME", "");
        awaitStatus(id, "APPROVED");

        // then the permit is issued again: the new tokens are valid, the earlier ones replaced
        JsonNode second = status(id).get("permit");
        assertThat(second.get("serial").asInt()).isEqualTo(first.get("serial").asInt() + 1);
        assertThat(second.get("approvedWorkers").asInt()).isZero();
        assertThat(verify(second.get("token").asText()).get("result").asText()).isEqualTo("VALID");
        assertThat(verify(first.get("token").asText()).get("result").asText()).isEqualTo("REPLACED");
        assertThat(verify(first.at("/shuttlePasses/0/token").asText()).get("result").asText()).isEqualTo("REPLACED");

        // and when a second case ends in revocation, every token of the permit is revoked
        reportCase(id, application.workers().get(1).citizenId());
        decide(id, "health", "REVOKE", "Lây lan trong ký túc xá");
        awaitStatus(id, "REVOKED");
        assertThat(verify(second.get("token").asText()).get("result").asText()).isEqualTo("REVOKED");
        assertThat(verify(first.get("token").asText()).get("result").asText()).isEqualTo("REVOKED");
    }

    @Test
    void theJwksAloneVerifiesATokenOffline() throws Exception {
        // given a permit token
        String token = status(approve(TestApplications.clean(2))).at("/permit/token").asText();

        // when a checkpoint has fetched the public keys once, without logging in
        ResponseEntity<String> answer = anonymous().getForEntity("/.well-known/jwks.json", String.class);
        JWKSet keys = JWKSet.parse(answer.getBody());

        // then they are public keys only, and verify the token with no call to the server
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/jwk-set+json");
        assertThat(answer.getBody()).doesNotContain("\"d\"");
        SignedJWT jwt = SignedJWT.parse(token);
        ECKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(OfflineCheck.verifies(keys, token)).isTrue();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(TestApplications.NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aRequestWithoutATokenOrWithSomethingElseIsRefusedNamingIt() {
        for (Object body : List.of(Map.of(), Map.of("token", ""), Map.of("token", "BG-2021-000001"),
                Map.of("token", "a.b.c\u0000"), Map.of("token", "a.b." + "c".repeat(70_000)))) {
            ResponseEntity<JsonNode> answer = anonymous().postForEntity("/api/permits/verify", body, JsonNode.class);

            assertThat(answer.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("token");
        }
    }

    private JsonNode verify(String token) {
        ResponseEntity<JsonNode> answer = anonymous().postForEntity("/api/permits/verify", Map.of("token", token),
                JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JWKSet publicKeys() throws Exception {
        return JWKSet.parse(anonymous().getForObject("/.well-known/jwks.json", String.class));
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer)
            throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
