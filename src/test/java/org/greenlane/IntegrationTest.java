package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.greenlane.application.ApplicationDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.client.RestTemplateBuilderConfigurer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the integration tests share: the whole server on a random port, an in-memory database,
 * a copy of the real rules folder, and a clock fixed at {@link TestApplications#NOW} so the shipped test dates stay recent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:greenlane-it;DB_CLOSE_DELAY=-1",
        "greenlane.demo.password=" + IntegrationTest.PASSWORD,
        // the tests change the rules often; re-screening every test's applications behind them would change their
        // data mid-test (ImpactTest turns it on in a context of its own)
        "greenlane.rescreen-on-activation=false"})
@Import(IntegrationTest.FixedClock.class)
public abstract class IntegrationTest {

    /** Calls the API as the demo enterprise; {@code http.withBasicAuth(user, PASSWORD)} for anyone else. */
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected TaskService tasks;
    /** What a member's form shows: {@code forms.getTaskFormVariables(taskId)}, as Tasklist reads it. */
    @Autowired
    protected FormService forms;
    @Autowired
    protected IdentityService identity;

    /** The demo accounts' password in tests; the autowired TestRestTemplate calls as the demo enterprise. */
    protected static final String PASSWORD = "test-secret";
    protected static final String ENTERPRISE = "2400123456";
    protected static final String RULE_AUTHOR = "author1";
    protected static final String ADMIN = "admin";

    /** A copy of the shipped rules: tests edit it as an official would, the repository's folder stays untouched. */
    protected static final Path RULES = copyOfShippedRules();

    /** The test "province identity provider": it signs bearer tokens, the server trusts its public key. */
    protected static final TokenIssuer TOKENS = new TokenIssuer();

    @DynamicPropertySource
    static void rulesFolderAndTokenKey(DynamicPropertyRegistry registry) {
        registry.add("greenlane.rules-dir", RULES::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
    }

    private static Path copyOfShippedRules() {
        try {
            Path copy = Files.createTempDirectory("greenlane-rules");
            try (var files = Files.list(Path.of("rules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No Authorization header at all (the autowired template always sends the demo enterprise's). */
    protected TestRestTemplate anonymous() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
    }

    /** The demo rule author, by HTTP Basic: the rule API's caller. */
    protected TestRestTemplate ruleAuthor() {
        return http.withBasicAuth(RULE_AUTHOR, PASSWORD);
    }

    /** A tax code no other test uses: {@code province}'s two digits (not Bắc Giang's 24) and eight random ones. */
    protected static String newTaxCode(String province) {
        return province + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Creates an enterprise's account as the administrator, its password {@link #PASSWORD}; the answer to check. */
    protected ResponseEntity<String> createEnterprise(String taxCode, String name, String industrialPark) {
        return http.withBasicAuth(ADMIN, PASSWORD).postForEntity("/api/enterprises", Map.of("taxCode", taxCode,
                "name", name, "industrialPark", industrialPark, "password", PASSWORD), String.class);
    }

    /** The demo enterprise reports one of its workers infected: an infection case, which suspends the permit. */
    protected void reportCase(String id, String citizenId) {
        reportCase(http, id, citizenId, null);
    }

    /** {@code caller} (the enterprise or the health group) reports a worker infected on 20 June, with a note if any. */
    protected void reportCase(TestRestTemplate caller, String id, String citizenId, String note) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("infectedWorkers", List.of(citizenId));
        report.put("detectedOn", "2021-06-20");
        if (note != null) {
            report.put("note", note);
        }
        ResponseEntity<String> reported = caller.postForEntity("/api/applications/{id}/incidents", report,
                String.class, id);
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Submits as the demo enterprise and waits until the four groups review it. */
    protected String submitForReview(ApplicationDocument application) {
        String id = http.postForEntity("/api/applications", application, JsonNode.class).getBody().get("id").asText();
        awaitStatus(id, "UNDER_REVIEW");
        return id;
    }

    /** Submits, and has every group and then the committee approve, as Tasklist members would. */
    protected String approve(ApplicationDocument application) {
        String id = submitForReview(application);
        for (String group : List.of("health", "housing", "labour", "transport")) {
            decide(id, group, "APPROVE", "");
        }
        awaitStatus(id, "AWAITING_DECISION");
        decide(id, "steering", "APPROVE", "");
        awaitStatus(id, "APPROVED");
        return id;
    }

    /** The group's demo member completes the group's task of this application. */
    protected void decide(String id, String group, String decision, String comment) {
        identity.setAuthentication(group + "1", List.of(group));
        try {
            var task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup(group).singleResult();
            tasks.complete(task.getId(), Map.of("decision", decision, "comment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }

    protected JsonNode status(String id) {
        return http.getForObject("/api/applications/" + id, JsonNode.class);
    }

    protected void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(status(id).get("status").asText()).isEqualTo(expected));
    }

    /** Stands at {@link TestApplications#NOW}; a test that moves it puts it back with {@link #reset()}. */
    public static final class MutableClock extends Clock {

        private volatile Instant now = TestApplications.NOW;

        public void set(Instant instant) {
            now = instant;
        }

        public void reset() {
            now = TestApplications.NOW;
        }

        @Override
        public ZoneId getZone() {
            return TestApplications.VIETNAM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        /** TestRestTemplate builds on this: every call of the autowired one is the demo enterprise's. */
        @Bean
        RestTemplateBuilder enterpriseRestTemplateBuilder(RestTemplateBuilderConfigurer configurer) {
            return configurer.configure(new RestTemplateBuilder()).basicAuthentication(ENTERPRISE, PASSWORD);
        }
    }
}
