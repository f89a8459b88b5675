package org.greenlane.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Sheet;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.rules.TestRuleApi;
import org.greenlane.rules.TestRuleFolders;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The impact tests' context: its own database and rules folder, and re-screening on, so that its totals are its
 * applications'. Its tests extend this class so that Spring builds the context once for all of them.
 */
@TestPropertySource(properties = {"greenlane.rescreen-on-activation=true",
        "spring.datasource.url=jdbc:h2:mem:greenlane-impact;DB_CLOSE_DELAY=-1",
        // engines register by name JVM-wide: "default" is the shared context's, which its engine REST API serves
        "camunda.bpm.process-engine-name=impact"})
abstract class ImpactContext extends IntegrationTest {

    private static final Path IMPACT_RULES = TestRuleFolders.copyShipped(temporaryFolder());
    static final String PARKS = "industrial-parks.drl.xlsx";
    static final String WORKERS = "worker-criteria.drl.xlsx";
    static final String COMMUNES = "lockdown-communes.drl.xlsx";

    @DynamicPropertySource
    static void ownRulesFolder(DynamicPropertyRegistry registry) {
        registry.add("greenlane.rules-dir", IMPACT_RULES::toString);
    }

    /** A clean application of an enterprise of its own (tax code, name, park, lodging address). */
    ApplicationDocument enterprise(int n, String park, ApplicationDocument application) {
        return enterprise(n, "Doanh nghiệp thử " + n, park, application);
    }

    ApplicationDocument enterprise(int n, String name, String park, ApplicationDocument application) {
        String taxCode = String.format("24%08d", 90_000 + n);
        ApplicationDocument seed = TestApplications.seedEnterprise(taxCode, park, n, 1, TestApplications.NOW);
        createEnterprise(taxCode, "Doanh nghiệp thử", park);
        return new ApplicationDocument(new ApplicationDocument.Enterprise(taxCode, name, park,
                seed.enterprise().address(), seed.enterprise().sector()), application.plannedRestartDate(),
                application.workers(), seed.accommodations().stream().map(site -> new ApplicationDocument.Accommodation(
                        "KTX-1", site.name(), site.address(), site.capacity() + application.workers().size()))
                        .toList(), application.shuttles(), application.medicalPlan());
    }

    @Override
    protected String submitForReview(ApplicationDocument application) {
        String taxCode = application.enterprise().taxCode();
        String id = http.withBasicAuth(taxCode, PASSWORD).postForEntity("/api/applications", application,
                JsonNode.class).getBody().get("id").asText();
        awaitStatus(id, "UNDER_REVIEW");
        return id;
    }

    @Override
    protected JsonNode status(String id) {
        return http.withBasicAuth(ADMIN, PASSWORD).getForObject("/api/applications/" + id, JsonNode.class);
    }

    JsonNode preview(String table, byte[] content) {
        return preview(Map.of(table, content));
    }

    /** The API's impact report for a draft of these tables (name → content), as the rule author sees it. */
    JsonNode preview(Map<String, byte[]> draft) {
        ResponseEntity<JsonNode> answer = ruleAuthor().postForEntity("/api/rules/impact",
                multipart(draft, MediaType.APPLICATION_JSON), JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Writes the table into the rules folder through the API, which activates the result: its version. */
    int activate(String table, byte[] content) {
        ResponseEntity<JsonNode> answer = TestRuleApi.putFile(ruleAuthor(), table, content, getClass().getSimpleName());
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("version").asInt();
    }

    JsonNode rules() {
        return ruleAuthor().getForObject("/api/rules", JsonNode.class);
    }

    int activeVersion() {
        return rules().get("version").asInt();
    }

    /** Until every live application's latest screening is under the active set, as GET /api/rules reports. */
    void awaitRescreened() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = rules().get("rescreening");
            assertThat(progress.get("version").asText()).isEqualTo("v" + activeVersion());
            assertThat(progress.get("current").asInt()).isEqualTo(progress.get("live").asInt());
        });
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(String name, byte[] content, MediaType accept) {
        return multipart(Map.of(name, content), accept);
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(Map<String, byte[]> files, MediaType accept) {
        var parts = new LinkedMultiValueMap<String, Object>();
        files.forEach((name, content) -> parts.add("files", TestRuleApi.draft(name, content)));
        return TestRuleApi.multipart(parts, accept);
    }

    static JsonNode application(JsonNode report, String id) {
        return StreamSupport.stream(report.get("applications").spliterator(), false)
                .filter(a -> a.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no application " + id + " in the preview"));
    }

    static JsonNode park(JsonNode report, String name) {
        return StreamSupport.stream(report.get("parks").spliterator(), false)
                .filter(p -> p.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no park " + name + " in " + report.get("parks")));
    }

    /** The lockdown table's change that adds a commune. */
    static Consumer<Sheet> lockdown(String district, String commune) {
        return sheet -> {
            var row = sheet.createRow(sheet.getLastRowNum() + 1);
            row.createCell(1).setCellValue(district);
            row.createCell(2).setCellValue(commune);
        };
    }

    static Consumer<Sheet> cell(int row, int column, double value) {
        return sheet -> sheet.getRow(row).getCell(column).setCellValue(value);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("greenlane-impact-rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
