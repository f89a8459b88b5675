package org.greenlane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.greenlane.ServerProcess;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.screening.TestChanges;

/**
 * Checkpoints verifying permits without logging in ({@code POST /api/permits/verify}), from 8 clients on the same
 * machine as the server. One approved application with 1,000 shuttles gives 1,001 tokens an issue; new test results
 * issue it seven times more. The first issue's tokens warm the server up; then the latest issue's tokens (VALID),
 * the six issues between (REPLACED), and as many forgeries (one claim changed: FORGED).
 */
final class VerifyBench {

    private static final int SHUTTLES = 1_000;
    private static final int ISSUES = 8;
    private static final int CLIENTS = 8;
    private static final int REPEATED = 30_000;
    private static final double TARGET_PER_SECOND = 1_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private VerifyBench() {
    }

    static List<String> run() throws Exception {
        Path dir = Files.createTempDirectory("greenlane-verify");
        try (ServerProcess node = BenchServer.start(dir, Path.of("rules"), "verify")) {
            Client enterprise = new Client(node.port, "2400123456", "demo");
            String id = approved(node.port, enterprise);
            List<List<String>> issues = new ArrayList<>();
            issues.add(tokens(enterprise, id));
            for (int issue = 1; issue < ISSUES; issue++) {
                enterprise.post("/api/applications/" + id + "/tests", Map.of("results", List.of(Map.of(
                        "citizenId", TestApplications.worker(1).citizenId(), "test", Map.of("type", "PCR",
                                "sampledAt", OffsetDateTime.now(ZoneOffset.UTC).toString(), "result", "NEGATIVE")))),
                        200);
                issues.add(tokens(enterprise, id));
            }
            List<String> current = issues.remove(issues.size() - 1);
            List<String> warmUp = issues.remove(0);
            List<String> replaced = issues.stream().flatMap(List::stream).toList();
            Client checkpoint = Client.anonymous(node.port);

            verify(checkpoint, warmUp, "REPLACED");
            List<String> scans = IntStream.range(0, REPEATED).mapToObj(n -> current.get(n % current.size())).toList();
            List<String> forged = replaced.stream().map(VerifyBench::forged).toList();
            return List.of(
                    measure(node, checkpoint, scans, "VALID", "the latest issue's tokens"),
                    measure(node, checkpoint, replaced, "REPLACED", "earlier issues' tokens"),
                    measure(node, checkpoint, forged, "FORGED", "forgeries (one claim changed)"));
        }
    }

    private static String measure(ServerProcess node, Client checkpoint, List<String> tokens, String verdict,
                                  String what) throws Exception {
        JvmCpu before = JvmCpu.of(node.handle());
        long start = System.nanoTime();
        verify(checkpoint, tokens, verdict);
        double seconds = (System.nanoTime() - start) / 1e9;
        JvmCpu cpu = JvmCpu.of(node.handle()).since(before);
        double rate = tokens.size() / seconds;
        return String.format("- %s, %s: %,d verified in %.2f s, %.0f /s; server CPU %s per verification (target "
                        + "≥ %.0f /s on %d cores: %s)", what, verdict, tokens.size(), seconds, rate,
                cpu.millisPer(tokens.size()), TARGET_PER_SECOND, CORES, rate >= TARGET_PER_SECOND ? "met" : "MISSED");
    }

    /** An earlier token passed off as the latest (its serial changed, its signature kept): a forger without the key. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = claims.replaceFirst("\"serial\":\\d+", "\"serial\":" + ISSUES);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(
                StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** Submitted, then approved by each group's demo member and the committee, as the README's tour does. */
    private static String approved(int port, Client enterprise) throws InterruptedException {
        ApplicationDocument clean = TestApplications.clean(3, Instant.now());
        ApplicationDocument.Shuttle shuttle = clean.shuttles().get(0);
        ApplicationDocument.Shuttle[] shuttles = IntStream.range(0, SHUTTLES).mapToObj(n ->
                new ApplicationDocument.Shuttle("XE-" + n, String.format("98B-%03d.%02d", n / 100, n % 100),
                        shuttle.seats(), shuttle.driver())).toArray(ApplicationDocument.Shuttle[]::new);
        String id = enterprise.post("/api/applications", TestChanges.shuttles(clean, shuttles)).get("id").asText();
        awaitStatus(enterprise, id, "UNDER_REVIEW");
        for (String member : List.of("health1", "housing1", "labour1", "transport1", "steering1")) {
            Client staff = new Client(port, member, "demo");
            String task = staff.get("/engine-rest/task?processInstanceBusinessKey=" + id).get(0).get("id").asText();
            staff.post("/engine-rest/task/" + task + "/complete",
                    Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))), 204);
        }
        awaitStatus(enterprise, id, "APPROVED");
        return id;
    }

    private static void awaitStatus(Client enterprise, String id, String status) throws InterruptedException {
        for (int tries = 0; !enterprise.get("/api/applications/" + id).get("status").asText().equals(status); tries++) {
            if (tries > 600) {
                throw new IllegalStateException("Application " + id + " did not become " + status);
            }
            Thread.sleep(100);
        }
    }

    private static List<String> tokens(Client enterprise, String id) {
        JsonNode permit = enterprise.get("/api/applications/" + id).get("permit");
        List<String> tokens = new ArrayList<>(List.of(permit.get("token").asText()));
        permit.get("shuttlePasses").forEach(pass -> tokens.add(pass.get("token").asText()));
        return tokens;
    }

    /** Every token verified once, by {@link #CLIENTS} clients at once; each must get the expected verdict. */
    private static void verify(Client checkpoint, List<String> tokens, String expected) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < tokens.size(); n = next.getAndIncrement()) {
                        String result = checkpoint.post("/api/permits/verify", Map.of("token", tokens.get(n)), 200)
                                .get("result").asText();
                        if (!result.equals(expected)) {
                            throw new IllegalStateException("Token " + n + " is " + result + ", not " + expected);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
    }
}
