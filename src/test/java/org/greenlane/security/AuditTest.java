package org.greenlane.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The audit trail names who did what: the enterprise that submitted, the member who decided, the administrator
 * who created an account, the author who changed the rules.
 */
class AuditTest extends ApiTest {

    private static final String PROBE = "audit-probe.drl";
    /** A rule file that adds nothing: the active set's behaviour does not change while it is there. */
    private static final byte[] HARMLESS_DRL = "package org.greenlane.rules;\n".getBytes(StandardCharsets.UTF_8);
    private static final int PAGE = 500;

    @Test
    void everyKindOfChangeIsInTheTrailWithItsActor() {
        // given an account, a submission under it, a group's decision and a rule change (put back at once)
        String taxCode = newTaxCode();
        createEnterprise(taxCode);
        String id = submitted(as(taxCode), applicationOf(taxCode));
        awaitViewStatus(id, "UNDER_REVIEW");
        ResponseEntity<String> decided = completeTask(HEALTH, taskId(id, "reviewHealth"), "APPROVE", "Đạt yêu cầu");
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> put = ruleFile(HttpMethod.PUT, HARMLESS_DRL);
        ResponseEntity<String> delete = ruleFile(HttpMethod.DELETE, null);
        int added = activatedVersion(put);
        int removed = activatedVersion(delete);

        // when the administrator reads the trail
        List<String> trail = auditTrail();

        // then each is there under the name of whoever did it
        assertThat(trail).contains(
                "admin ACCOUNT_CREATED " + taxCode,
                taxCode + " SUBMITTED " + id,
                "health1 DECISION " + id,
                "author1 RULES_ACTIVATED v" + added,
                "author1 RULES_ACTIVATED v" + removed);
        assertThat(added).isNotEqualTo(removed);
    }

    private ResponseEntity<String> ruleFile(HttpMethod method, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<String> answer = as(RULE_AUTHOR).exchange("/api/rules/files/{name}?comment={comment}", method,
                new HttpEntity<>(content, headers), String.class, PROBE, "AuditTest probe");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer;
    }

    private int activatedVersion(ResponseEntity<String> activation) {
        JsonNode body = read(activation.getBody());
        assertThat(body.get("activatedBy").asText()).isEqualTo(RULE_AUTHOR);
        return body.get("version").asInt();
    }

    /** Every entry, page by page, as "actor action subject". */
    private List<String> auditTrail() {
        List<String> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResponseEntity<String> answer = as(ADMIN).getForEntity("/api/audit?page={p}&size={s}", String.class,
                    page, PAGE);
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode entriesOfPage = read(answer.getBody());
            entriesOfPage.forEach(e -> entries.add(e.get("actor").asText() + " " + e.get("action").asText() + " "
                    + e.get("subject").asText()));
            if (entriesOfPage.size() < PAGE) {
                return entries;
            }
        }
    }
}
