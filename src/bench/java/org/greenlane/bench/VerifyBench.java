package org.greenlane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/**
 * Checkpoints verifying permits without logging in ({@code POST /api/permits/verify}), from 8 clients on the same
 * machine as the server: once with tokens the server has never seen (each signature checked), once with the tokens
 * in circulation scanned again and again (a permit's verdict on its signature is remembered). One approved
 * application with 1,000 shuttles gives 1,001 tokens an issue; new test results issue it seven times more. The first
 * issue's tokens warm the server up (the JIT compiles the signature check), the next six are the never-seen ones.
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
            List<String> neverSeen = issues.stream().flatMap(List::stream).toList();
            Client checkpoint = Client.anonymous(node.port);

            verify(checkpoint, warmUp, "REPLACED");
            verify(checkpoint, current, "VALID");
            JvmCpu before = JvmCpu.of(node.handle());
            long start = System.nanoTime();
            verify(checkpoint, neverSeen, "REPLACED");
            double coldSeconds = (System.nanoTime() - start) / 1e9;
            JvmCpu cold = JvmCpu.of(node.handle()).since(before);

            List<String> scans = IntStream.range(0, REPEATED).mapToObj(n -> current.get(n % current.size())).toList();
            before = JvmCpu.of(node.handle());
            start = System.nanoTime();
            verify(checkpoint, scans, "VALID");
            double warmSeconds = (System.nanoTime() - start) / 1e9;
            JvmCpu warm = JvmCpu.of(node.handle()).since(before);

            double coldRate = neverSeen.size() / coldSeconds;
            double warmRate = scans.size() / warmSeconds;
            return List.of(
                    String.format("- tokens never seen before (a signature check each): %,d verified in %.2f s, "
                            + "%.0f /s; server CPU %s per verification (target ≥ %.0f /s on %d cores: %s)",
                            neverSeen.size(), coldSeconds, coldRate, cold.millisPer(neverSeen.size()),
                            TARGET_PER_SECOND, CORES, coldRate >= TARGET_PER_SECOND ? "met" : "MISSED"),
                    String.format("- tokens in circulation scanned again: %,d verified in %.2f s, %.0f /s; server "
                            + "CPU %s per verification (target ≥ %.0f /s on %d cores: %s)", scans.size(),
                            warmSeconds, warmRate, warm.millisPer(scans.size()), TARGET_PER_SECOND, CORES,
                            warmRate >= TARGET_PER_SECOND ? "met" : "MISSED"));
        }
    }

    /** Submitted, then approved by each group's demo member and the committee, as the README's tour does. */
    private static String approved(int port, Client enterprise) throws InterruptedException {
        ApplicationDocument clean = TestApplications.clean(3, Instant.now());
        ApplicationDocument.Shuttle shuttle = clean.shuttles().get(0);
        List<ApplicationDocument.Shuttle> shuttles = IntStream.range(0, SHUTTLES).mapToObj(n ->
                new ApplicationDocument.Shuttle("XE-" + n, String.format("98B-%03d.%02d", n / 100, n % 100),
                        shuttle.seats(), shuttle.driver())).toList();
        String id = enterprise.post("/api/applications", new ApplicationDocument(clean.enterprise(),
                clean.plannedRestartDate(), clean.workers(), clean.accommodations(), shuttles, clean.medicalPlan()))
                .get("id").asText();
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
