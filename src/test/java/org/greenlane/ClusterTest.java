package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server JVMs on one PostgreSQL database, Camunda's homogeneous cluster: submissions go to node A, group
 * decisions to node B, the steering decision to A; the correction timer fires once across the cluster; a rule
 * change made through A's API reaches B. Uses the local PostgreSQL (127.0.0.1:5432, user postgres) and a database
 * of its own, dropped afterwards.
 */
class ClusterTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ENTERPRISE = "2400123456";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path work;
    private String database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "greenlane_cluster_" + System.currentTimeMillis();
        execute("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void twoNodesShareTheWorkAndNothingIsDuplicatedOrLost() throws Exception {
        Path log = Files.createTempFile("greenlane-cluster", ".log");
        List<String> postgres = List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + SERVER + database, "--spring.datasource.username=postgres",
                "--greenlane.correction-period=PT5S");
        // the first node creates the schema and deploys the process; the second joins it
        try (ServerProcess a = ServerProcess.start(work.resolve("a"), copyOfRules("rules-a"), log, postgres);
             ServerProcess b = ServerProcess.start(work.resolve("b"), copyOfRules("rules-b"), log, postgres)) {
            Instant now = Instant.now();
            String approved = submit(a, JSON.writeValueAsString(TestApplications.clean(4, now)));
            String expiring = submit(a, JSON.writeValueAsString(
                    TestApplications.inPark(TestApplications.clean(2, now), "KCN Mặt Trăng")));

            awaitStatus(b, approved, "UNDER_REVIEW");
            for (String group : List.of("health", "housing", "labour", "transport")) {
                decide(b, approved, group);
            }
            awaitStatus(a, approved, "AWAITING_DECISION");
            decide(a, approved, "steering");

            awaitStatus(b, approved, "APPROVED");
            JsonNode view = status(b, approved);
            assertThat(view.at("/permit/approvedWorkers").asInt()).isEqualTo(4);
            assertThat(count(view, "PERMIT_ISSUED")).isEqualTo(1);
            assertThat(count(view, "DECISION")).isEqualTo(5);

            // the 5-second correction timer fires exactly once, whichever node's job executor takes it
            await().atMost(Duration.ofSeconds(60)).until(() -> "EXPIRED".equals(status(a, expiring)
                    .get("status").asText()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> countStatus(status(b, expiring), "EXPIRED") == 1);

            // a rule change through A's API reaches B, its folder included
            var written = a.put("author1", "/api/rules/files/cluster-probe.drl?comment=cluster", "application/octet-stream",
                    "package org.greenlane.rules;\n".getBytes(StandardCharsets.UTF_8));
            assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
            int version = JSON.readTree(written.body()).get("version").asInt();
            await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(b.get("author1", "/api/rules").body())
                    .get("version").asInt() == version);
            assertThat(work.resolve("rules-b").resolve("cluster-probe.drl")).exists();

            JsonNode all = JSON.readTree(a.get("health1", "/api/applications?size=50").body());
            assertThat(all.get("totalElements").asInt()).isEqualTo(2);
        }
    }

    private Path copyOfRules(String name) throws IOException {
        Path copy = Files.createDirectories(work.resolve(name));
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static String submit(ServerProcess node, String body) throws IOException {
        var response = node.post(ENTERPRISE, "/api/applications", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** The group's demo member approves the group's task of this application through that node's engine REST. */
    private static void decide(ServerProcess node, String id, String group) throws IOException {
        String member = group + "1";
        JsonNode tasks = JSON.readTree(node.get(member, "/engine-rest/task?processInstanceBusinessKey=" + id).body());
        assertThat(tasks).as(group + " tasks of " + id).hasSize(1);
        var completed = node.post(member, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private static void awaitStatus(ServerProcess node, String id, String expected) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(status(node, id).get("status").asText()).isEqualTo(expected));
    }

    private static JsonNode status(ServerProcess node, String id) throws IOException {
        return JSON.readTree(node.get(ENTERPRISE, "/api/applications/" + id).body());
    }

    private static long count(JsonNode view, String type) {
        return view.get("timeline").findValuesAsText("type").stream().filter(type::equals).count();
    }

    private static long countStatus(JsonNode view, String status) {
        long count = 0;
        for (JsonNode event : view.get("timeline")) {
            if ("STATUS".equals(event.get("type").asText()) && status.equals(event.get("detail").asText())) {
                count++;
            }
        }
        return count;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
