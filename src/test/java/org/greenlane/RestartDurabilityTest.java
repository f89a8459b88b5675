package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server (kill -9) in the middle of a stream of submissions, restarts it on the same H2 file, and checks
 * that every acknowledged submission is there and its process goes on: nothing stuck in SCREENING.
 */
class RestartDurabilityTest {

    private static final String ENTERPRISE = "2400123456";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path data;

    @Test
    void acknowledgedSubmissionsSurviveAKillAndTheirProcessesGoOn() throws Exception {
        Path log = Files.createTempFile("greenlane-restart", ".log");
        String body = JSON.writeValueAsString(TestApplications.clean(20, Instant.now()));
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        List<String> decided = new CopyOnWriteArrayList<>();
        String approvedBeforeKill;

        try (ServerProcess first = ServerProcess.start(data, log)) {
            // given one application already reviewed by health before the crash
            approvedBeforeKill = id(first.post(ENTERPRISE, "/api/applications", body));
            awaitStatus(first, approvedBeforeKill, "UNDER_REVIEW");
            completeHealthReview(first, approvedBeforeKill);

            // when the server is killed while submissions and health decisions stream in
            ExecutorService clients = Executors.newFixedThreadPool(5);
            clients.submit(() -> decideWhileAlive(first, acknowledged, decided));
            for (int i = 0; i < 4; i++) {
                clients.submit(() -> {
                    while (true) {
                        HttpResponse<String> response;
                        try {
                            response = first.post(ENTERPRISE, "/api/applications", body);
                        } catch (IOException serverGone) {
                            return null;
                        }
                        if (response.statusCode() == 201) {
                            acknowledged.add(id(response));
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 12 && decided.size() >= 3);
            first.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        // then after a restart every acknowledged application is there and moves on to review
        try (ServerProcess second = ServerProcess.start(data, log)) {
            for (String id : acknowledged) {
                assertThat(second.get(ENTERPRISE, "/api/applications/" + id).statusCode()).as(id).isEqualTo(200);
            }
            // jobs the dead node had locked wait out their lock (30 s) first
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String id : acknowledged) {
                    assertThat(status(second, id).get("status").asText()).as(id).isEqualTo("UNDER_REVIEW");
                }
            });
            JsonNode reviewed = status(second, approvedBeforeKill);
            assertThat(reviewed.at("/reviews/health/status").asText()).isEqualTo("APPROVED");
            assertThat(openTasks(second, approvedBeforeKill)).hasSize(3);
            for (String id : decided) {
                assertThat(status(second, id).at("/reviews/health/status").asText()).as(id).isEqualTo("APPROVED");
                assertThat(openTasks(second, id)).as(id).extracting(t -> t.get("taskDefinitionKey").asText())
                        .doesNotContain("reviewHealth");
            }
            System.out.printf("restart test: %d submissions and %d decisions acknowledged before kill -9; "
                            + "%d submissions and %d decisions found after restart%n",
                    acknowledged.size(), decided.size(), acknowledged.stream().filter(id -> exists(second, id)).count(),
                    decided.stream().filter(id -> healthApproved(second, id)).count());
        }
        // stopped gracefully, the engine released its jobs and wrote its metrics before the database closed
        assertThat(Files.readString(log)).contains("ENGINE-00007 Process Engine default closed")
                .doesNotContain("Database is already closed");
    }

    /** Approves the health task of each acknowledged application as soon as it is open, until the server dies. */
    private static Void decideWhileAlive(ServerProcess server, List<String> acknowledged, List<String> decided) {
        try {
            while (true) {
                for (String id : acknowledged) {
                    if (!decided.contains(id) && healthTask(server, id) != null) {
                        completeHealthReview(server, id);
                        decided.add(id);
                    }
                }
            }
        } catch (IOException | AssertionError serverGone) {
            return null;
        }
    }

    private static String healthTask(ServerProcess server, String id) throws IOException {
        return openTasks(server, id).stream().filter(t -> t.get("taskDefinitionKey").asText().equals("reviewHealth"))
                .map(t -> t.get("id").asText()).findFirst().orElse(null);
    }

    private static boolean healthApproved(ServerProcess server, String id) {
        try {
            return "APPROVED".equals(status(server, id).at("/reviews/health/status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static void completeHealthReview(ServerProcess server, String id) throws IOException {
        String taskId = openTasks(server, id).stream()
                .filter(t -> t.get("taskDefinitionKey").asText().equals("reviewHealth"))
                .findFirst().orElseThrow().get("id").asText();
        var response = server.post("health1", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(response.statusCode()).isEqualTo(204);
    }

    private static List<JsonNode> openTasks(ServerProcess server, String id) throws IOException {
        JsonNode tasks = JSON.readTree(server.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + id).body());
        return tasks.findParents("taskDefinitionKey");
    }

    private static boolean exists(ServerProcess server, String id) {
        try {
            return server.get(ENTERPRISE, "/api/applications/" + id).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitStatus(ServerProcess server, String id, String expected) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(status(server, id).get("status").asText()).isEqualTo(expected));
    }

    private static JsonNode status(ServerProcess server, String id) throws IOException {
        return JSON.readTree(server.get(ENTERPRISE, "/api/applications/" + id).body());
    }

    private static String id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }
}
