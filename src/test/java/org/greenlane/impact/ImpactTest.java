package org.greenlane.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.test;
import static org.greenlane.screening.TestChanges.tests;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.rules.TestRuleFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A rule change previewed over every live application, then made: for each kind of change (a PCR window, a commune
 * locked down, a park closed, the eligible share) the preview's figures are what re-screening then does.
 */
class ImpactTest extends ImpactContext {

    private static final String POLICY = "policy-parameters.drl.xlsx";

    private TestRestTemplate author;
    private int versionBefore;

    @BeforeEach
    void remember() {
        author = http.withBasicAuth(RULE_AUTHOR, PASSWORD);
        versionBefore = rules().get("version").asInt();
    }

    /** Each test's change is taken back, and every application screened under the shipped rules again. */
    @AfterEach
    void back() {
        author.postForEntity("/api/rules/versions/{v}/activate?comment=back", null, String.class, versionBefore);
        awaitRescreened();
    }

    @Test
    void closingAParkIsPreviewedThenSuspendsItsPermitsAndFlagsItsReviews() {
        // given two approved enterprises and one under review in Quang Châu, one approved in Vân Trung
        String approved = approve(enterprise(1, "Quang Châu", TestApplications.clean(3)));
        String alsoApproved = approve(enterprise(2, "Quang Châu", TestApplications.clean(2)));
        String reviewed = submitForReview(enterprise(3, "Quang Châu", TestApplications.clean(2)));
        String elsewhere = approve(enterprise(4, "Vân Trung", TestApplications.clean(4)));
        byte[] closed = TestRuleFolders.shippedTable(PARKS, TestRuleFolders.parkStatus("Quang Châu", "CLOSED"));

        // when the closing is previewed
        JsonNode preview = preview(PARKS, closed);

        // then the three Quang Châu applications get the blocker, the two permits there would be suspended
        assertThat(application(preview, approved).get("statusAfter").asText()).isEqualTo("SUSPENDED");
        assertThat(application(preview, alsoApproved).get("statusAfter").asText()).isEqualTo("SUSPENDED");
        assertThat(application(preview, reviewed).has("statusAfter")).isFalse();
        assertThat(application(preview, reviewed).get("newBlockers").findValuesAsText("code"))
                .containsExactly("A-PARK-CLOSED");
        assertThat(application(preview, elsewhere).get("findingsAdded")).isEmpty();
        assertThat(application(preview, reviewed).get("affected").asBoolean()).isTrue();
        assertThat(application(preview, elsewhere).get("affected").asBoolean()).isFalse();
        assertThat(preview.at("/province/suspensions").asInt()).isEqualTo(2);
        assertThat(preview.at("/province/newBlockers").asInt()).isEqualTo(3);
        assertThat(preview.at("/province/enterprisesAffected").asInt()).isEqualTo(3);
        assertThat(park(preview, "Quang Châu").at("/totals/enterprisesAffected").asInt()).isEqualTo(3);
        assertThat(park(preview, "Quang Châu").at("/totals/approvedBefore").asInt()).isEqualTo(5);
        assertThat(park(preview, "Quang Châu").at("/totals/approvedAfter").asInt()).as("suspended permits let no one work")
                .isZero();
        assertThat(park(preview, "Vân Trung").at("/totals/enterprisesAffected").asInt()).isZero();
        assertThat(preview.get("applications").get(0).get("statusAfter").asText()).as("most affected first")
                .isEqualTo("SUSPENDED");
        assertThat(status(approved).get("status").asText()).as("a preview changes nothing").isEqualTo("APPROVED");

        // when it is made
        activate(PARKS, closed);

        // then re-screening does what the preview said, and the committee decides on each suspended permit
        awaitStatus(approved, "SUSPENDED");
        awaitStatus(alsoApproved, "SUSPENDED");
        assertThat(status(reviewed).get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(status(reviewed).at("/screening/findings").findValuesAsText("code")).contains("A-PARK-CLOSED");
        assertThat(status(reviewed).at("/screening/ruleSetVersion").asText()).isEqualTo("v" + activeVersion());
        assertThat(status(elsewhere).get("status").asText()).isEqualTo("APPROVED");
        assertThat(status(approved).get("timeline").findValuesAsText("type")).contains("RESCREENED");
        decide(approved, "steering", "RESUME", "");
        decide(alsoApproved, "steering", "REVOKE", "Khu công nghiệp đóng cửa");
        awaitStatus(approved, "APPROVED");
        awaitStatus(alsoApproved, "REVOKED");
        JsonNode audit = http.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/audit?size=500", JsonNode.class);
        assertThat(entries(audit, alsoApproved)).contains("system RESCREENED", "system STATUS SUSPENDED",
                "steering1 RULE_BLOCKER_REVOKE", "system STATUS REVOKED");
    }

    /** The audit's entries about one application, as "actor action" with the status for STATUS. */
    private static List<String> entries(JsonNode audit, String id) {
        List<String> entries = new ArrayList<>();
        audit.forEach(entry -> {
            if (entry.get("subject").asText().equals(id)) {
                String action = entry.get("action").asText();
                entries.add(entry.get("actor").asText() + " " + action
                        + (action.equals("STATUS") ? " " + entry.get("detail").asText() : ""));
            }
        });
        return entries;
    }

    @Test
    void aShorterPcrWindowDropsTheWorkersItsPreviewNamedFromThePermit() {
        // given an approved enterprise whose first two workers were tested 60 hours ago
        ApplicationDocument application = workers(enterprise(5, "Đình Trám", TestApplications.clean(5)),
                w -> tests(w, test(TestType.PCR, TestResult.NEGATIVE, 60)), 0, 1);
        String id = approve(application);
        assertThat(status(id).at("/permit/approvedWorkers").asInt()).isEqualTo(5);
        byte[] window = TestRuleFolders.shippedTable(WORKERS, cell(9, 2, 48));

        JsonNode preview = application(preview(WORKERS, window), id);

        assertThat(preview.get("losing").findValuesAsText("citizenId")).containsExactly(
                application.workers().get(0).citizenId(), application.workers().get(1).citizenId());
        assertThat(preview.get("losing")).allSatisfy(worker -> assertThat(worker.get("reasonsAfter").toString())
                .isEqualTo("[\"W-NO-RECENT-PCR\"]"));
        assertThat(preview.get("approvedBefore").asInt()).isEqualTo(5);
        assertThat(preview.get("approvedAfter").asInt()).isEqualTo(3);

        activate(WORKERS, window);
        awaitRescreened();

        JsonNode view = status(id);
        assertThat(view.at("/permit/approvedWorkers").asInt()).isEqualTo(preview.get("approvedAfter").asInt());
        assertThat(view.at("/screening/eligibleCount").asInt()).isEqualTo(preview.get("eligibleAfter").asInt());
        assertThat(view.at("/screening/findings").findValuesAsText("code")).contains("S-RULES-CHANGED");
        assertThat(view.at("/screening/findings").findValuesAsText("messageEn"))
                .anyMatch(message -> message.contains("rule set v" + activeVersion()));
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aCommuneLockedDownLeavesItsResidentsOutAsPreviewed() {
        // given an approved enterprise with two of its four workers living in Song Mai
        ApplicationDocument application = workers(enterprise(6, "Vân Trung", TestApplications.clean(4)),
                w -> residence(w, "TP Bắc Giang", "Song Mai"), 2, 3);
        String id = approve(application);
        byte[] locked = TestRuleFolders.shippedTable(COMMUNES, lockdown("TP Bắc Giang", "Song Mai"));

        JsonNode preview = application(preview(COMMUNES, locked), id);
        activate(COMMUNES, locked);
        awaitRescreened();

        assertThat(preview.get("losing").findValuesAsText("citizenId")).containsExactly(
                application.workers().get(2).citizenId(), application.workers().get(3).citizenId());
        assertThat(preview.get("losing")).allSatisfy(worker -> assertThat(worker.get("reasonsAfter").toString())
                .isEqualTo("[\"W-LOCKDOWN-RESIDENCE\"]"));
        assertThat(preview.get("approvedAfter").asInt()).isEqualTo(2);
        assertThat(status(id).at("/permit/approvedWorkers").asInt()).isEqualTo(2);
    }

    @Test
    void aHigherEligibleShareWarnsAsPreviewedAndAnEarlierVersionCanBeComparedToo() {
        // given an enterprise under review with 11 of 20 workers eligible (55 %)
        ApplicationDocument application = TestApplications.clean(20);
        for (int i = 0; i < 9; i++) {
            application = workers(application, w -> residence(w, "Việt Yên", "Vân Trung"), i);
        }
        String id = submitForReview(enterprise(7, "Song Khê – Nội Hoàng", application));
        byte[] share = TestRuleFolders.shippedTable(POLICY, cell(9, 2, 60));

        JsonNode preview = application(preview(POLICY, share), id);
        int activated = activate(POLICY, share);
        awaitRescreened();

        assertThat(preview.get("findingsAdded").findValuesAsText("code")).containsExactly("A-LOW-ELIGIBILITY");
        assertThat(status(id).at("/screening/findings").findValuesAsText("code")).contains("A-LOW-ELIGIBILITY");
        // and the shipped version, compared with the one now active, takes the warning away again
        JsonNode back = author.postForObject("/api/rules/impact?version={v}", null, JsonNode.class, versionBefore);
        assertThat(back.get("active").asText()).isEqualTo("v" + activated);
        assertThat(application(back, id).get("findingsRemoved").findValuesAsText("code"))
                .containsExactly("A-LOW-ELIGIBILITY");
    }

    @Test
    void thePreviewIsAlsoCsvAndOnlyForRuleAuthors() {
        ApplicationDocument application = workers(enterprise(8, "Đình Trám", TestApplications.clean(3)),
                w -> tests(w, test(TestType.PCR, TestResult.NEGATIVE, 60)), 0);
        String id = approve(application);
        var worker = application.workers().get(0);
        byte[] window = TestRuleFolders.shippedTable(WORKERS, cell(9, 2, 48));

        ResponseEntity<String> applications = author.postForEntity("/api/rules/impact",
                multipart(WORKERS, window, MediaType.valueOf("text/csv")), String.class);
        ResponseEntity<String> workers = author.postForEntity("/api/rules/impact?level=workers",
                multipart(WORKERS, window, MediaType.valueOf("text/csv")), String.class);
        ResponseEntity<String> member = http.withBasicAuth("health1", PASSWORD).postForEntity("/api/rules/impact",
                multipart(WORKERS, window, MediaType.APPLICATION_JSON), String.class);

        assertThat(applications.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(applications.getBody()).as("a byte order mark, for Excel").startsWith("\uFEFFapplication_id,");
        assertThat(applications.getBody().lines().filter(line -> line.startsWith(id)).findFirst().orElseThrow())
                .contains("\"Doanh nghiệp thử 8\"", "\"Đình Trám\"", "APPROVED,3,3,2,1,0,3,2");
        assertThat(workers.getBody()).contains(id + ",\"Doanh nghiệp thử 8\",\"Đình Trám\"," + worker.citizenId()
                + ",\"" + worker.fullName() + "\",LOSES,\"\",\"W-NO-RECENT-PCR\"");
        assertThat(member.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(id).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aDraftThatDoesNotCompileIsTheAuthorsErrorWithItsProblems() {
        ResponseEntity<JsonNode> refused = author.postForEntity("/api/rules/impact",
                multipart("broken.drl", "rule \"half\" when then".getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("problems").findValuesAsText("file")).contains("broken.drl");
    }
}
