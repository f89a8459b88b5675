package org.greenlane.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.TestQrCodes;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.system.GreenlaneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The permit as signed tokens: issued on approval, issued again when its count changes or new test results renew it,
 * its QR codes and printable page for its enterprise and staff only.
 */
class PermitTest extends IntegrationTest {

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitKeys keys;
    @Autowired
    PermitIssuer issuer;
    @Autowired
    ApprovedWorkers approvedWorkers;
    @Autowired
    GreenlaneProperties properties;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theDevelopmentKeyIsMadeOnceAndKeptInTheDatabase() {
        // given a permit signed by this server's development key
        String token = status(approve(TestApplications.clean(1))).at("/permit/token").asText();

        // when the server starts again on the same database
        PermitKeys restarted = new PermitKeys(properties, jdbc, clock);

        // then it signs with the same key, and the printed permit still verifies
        assertThat(restarted.keyId()).isEqualTo(keys.keyId());
        assertThat(OfflineCheck.verifies(restarted.publicKeys(), token)).isTrue();
        assertThat(jdbc.sql("select count(*) from permit_dev_key").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCheckThatChangesNothingKeepsTheIssueAndNewResultsOrLapsedWorkersIssueItAgain() {
        // given three workers approved on 20 June with tests sampled 24 h before
        ApplicationDocument application = TestApplications.clean(3);
        String id = approve(application);
        JsonNode first = status(id).get("permit");
        assertThat(first.get("serial").asInt()).isEqualTo(1);

        // when the daily re-testing check finds nothing lapsed a day later
        clock.set(TestApplications.NOW.plus(Duration.ofDays(1)));
        approvedWorkers.checkRetesting(id, false);

        // then the permit is as it was: a printed one stays valid
        assertThat(status(id).get("permit")).isEqualTo(first);
        assertThat(verify(first.get("token").asText())).isEqualTo("VALID");

        // when the enterprise posts a new result for worker 0 that day, of a sample taken at approval
        ResponseEntity<JsonNode> posted = TestResults.post(http, id, application.workers().get(0).citizenId(),
                "2021-06-20T08:00:00+07:00", "NEGATIVE");

        // then the same count is issued again, valid for another 7 days from then, and the earlier tokens replaced
        assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode renewed = status(id).get("permit");
        assertThat(renewed.get("serial").asInt()).isEqualTo(2);
        assertThat(renewed.get("approvedWorkers").asInt()).isEqualTo(3);
        assertThat(Instant.parse(renewed.get("expiresAt").asText()))
                .isEqualTo(TestApplications.NOW.plus(Duration.ofDays(8)));
        assertThat(verify(first.get("token").asText())).isEqualTo("REPLACED");
        assertThat(verify(renewed.get("token").asText())).isEqualTo("VALID");

        // when the check six days and two hours after approval finds workers 1 and 2 lapsed
        clock.set(TestApplications.NOW.plus(Duration.ofDays(6).plusHours(2)));
        approvedWorkers.checkRetesting(id, false);

        // then the smaller count is a new issue
        JsonNode smaller = status(id).get("permit");
        assertThat(smaller.get("serial").asInt()).isEqualTo(3);
        assertThat(smaller.get("approvedWorkers").asInt()).isEqualTo(1);
        assertThat(verify(renewed.get("token").asText())).isEqualTo("REPLACED");
        assertThat(status(id).get("timeline").findValuesAsText("type"))
                .containsSubsequence("PERMIT_ISSUED", "PERMIT_REISSUED", "PERMIT_RECOUNTED", "PERMIT_REISSUED");
    }

    @Test
    void aPermitApprovedBeforePermitsWereTokensIsIssuedByIssueMissing() {
        // given an approved application whose permit row predates the tokens
        String id = approve(TestApplications.clean(2));
        jdbc.sql("update permit set serial = 0, valid_from = null, valid_until = null, rule_set_version = null, "
                + "token = null, shuttle_passes = null where application_id = ?").param(id).update();

        // when issueMissing runs, called here as the application-ready event calls it at start-up
        issuer.issueMissing();

        // then it has its first issue, which a checkpoint takes
        JsonNode permit = status(id).get("permit");
        assertThat(permit.get("serial").asInt()).isEqualTo(1);
        assertThat(permit.get("shuttlePasses")).hasSize(1);
        assertThat(verify(permit.get("token").asText())).isEqualTo("VALID");
    }

    @Test
    void theQrCodesOpenTheCheckpointPageAndAreTheEnterprisesAndStaffsOnly() {
        // given an approved application's permit
        String id = approve(TestApplications.clean(2));
        JsonNode permit = status(id).get("permit");

        // when its enterprise fetches the permit's and the pass's QR codes
        ResponseEntity<byte[]> permitCode = http.getForEntity(permit.get("qrCode").asText(), byte[].class);
        ResponseEntity<byte[]> passCode = http.getForEntity(permit.at("/shuttlePasses/0/qrCode").asText(),
                byte[].class);

        // then each is a PNG that a phone reads as the checkpoint page's address with that token
        assertThat(permitCode.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(TestQrCodes.decode(permitCode.getBody()))
                .isEqualTo(http.getRootUri() + "/verify?t=" + permit.get("token").asText());
        assertThat(TestQrCodes.decode(passCode.getBody()))
                .isEqualTo(http.getRootUri() + "/verify?t=" + permit.at("/shuttlePasses/0/token").asText());

        // and staff get them and the printable page too, another enterprise or nobody does not
        String page = permit.get("printable").asText();
        assertThat(http.withBasicAuth("transport1", PASSWORD).getForEntity(permit.get("qrCode").asText(),
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> printable = http.getForEntity(page, String.class);
        assertThat(printable.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(printable.getBody()).contains("/permit.js");
        createOtherEnterprise();
        for (String path : List.of(page, permit.get("qrCode").asText())) {
            assertThat(http.withBasicAuth(OTHER_ENTERPRISE, PASSWORD).getForEntity(path, String.class)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(anonymous().getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        // and a shuttle the permit does not have is named
        ResponseEntity<JsonNode> unknown = http.getForEntity(permit.get("qrCode").asText() + "?shuttle=XE-9",
                JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("shuttle");
    }

    private static final String OTHER_ENTERPRISE = "2400654321";

    private void createOtherEnterprise() {
        if (jdbc.sql("select count(*) from enterprise_account where tax_code = ?").param(OTHER_ENTERPRISE)
                .query(Integer.class).single() == 0) {
            createEnterprise(OTHER_ENTERPRISE, "Công ty CP May Việt Yên", "Vân Trung");
        }
    }

    private String verify(String token) {
        return anonymous().postForObject("/api/permits/verify", Map.of("token", token), JsonNode.class)
                .get("result").asText();
    }
}
