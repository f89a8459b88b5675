package org.greenlane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.greenlane.ServerProcess;
import org.greenlane.TokenIssuer;
import org.greenlane.bench.ReplayBench.SeedEnterprise;
import org.greenlane.rules.TestRuleFolders;

/**
 * A rule change's consequences over the province: the seeds' 168 enterprises (24,207 workers), approved, and then
 * ~830 enterprises (~120,000 workers). For each, the impact preview of closing one park (median of three), then the
 * closing made: the time until every live application is re-screened under it, while enterprises read their status,
 * and whether what re-screening did is what the preview said. The server's resident memory before and after.
 */
final class ImpactBench {

    private static final String PARK = "Quang Châu";
    private static final int PROVINCE = 168;
    private static final int LARGE = 830;

    private ImpactBench() {
    }

    static List<String> run() throws Exception {
        Path dir = Files.createTempDirectory("greenlane-impact");
        Path rules = TestRuleFolders.copyShipped(Files.createDirectories(dir.resolve("rules")));
        TokenIssuer issuer = new TokenIssuer();
        List<String> figures = new ArrayList<>();
        try (ServerProcess node = BenchServer.start(dir, rules, "impact", List.of(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + issuer.publicKeyLocation()))) {
            byte[] closed = TestRuleFolders.shippedTable("industrial-parks.drl.xlsx",
                    TestRuleFolders.parkStatus(PARK, "CLOSED"));
            byte[] open = Files.readAllBytes(rules.resolve("industrial-parks.drl.xlsx"));
            List<String> taxCodes = seed(node.port, issuer, 0, PROVINCE);
            figures.addAll(measure(node, issuer, taxCodes, closed, open, "the seeds' province"));
            taxCodes.addAll(seed(node.port, issuer, PROVINCE, LARGE));
            figures.addAll(measure(node, issuer, taxCodes, closed, open, "the larger province"));
        }
        return figures;
    }

    /** Enterprises {@code from} to {@code to}: accounts, one approved application each (the first has 159 workers). */
    private static List<String> seed(int port, TokenIssuer issuer, int from, int to) throws Exception {
        Client admin = new Client(port, "admin", "demo");
        List<String> taxCodes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> submitted = new ArrayList<>();
            for (int n = from; n < to; n++) {
                SeedEnterprise seed = SeedEnterprise.of(60_000, n);
                taxCodes.add(seed.taxCode());
                submitted.add(clients.submit(() -> {
                    seed.createAccount(admin);
                    Client.bearer(port, issuer.enterprise(seed.taxCode())).post("/api/applications",
                            seed.application());
                    return null;
                }));
            }
            for (Future<?> each : submitted) {
                each.get();
            }
            for (String group : List.of("health", "housing", "labour", "transport", "steering")) {
                Client member = new Client(port, group + "1", "demo");
                List<Future<?>> decided = new ArrayList<>();
                for (JsonNode task : member.get("/engine-rest/task?candidateGroup=" + group + "&maxResults=5000")) {
                    decided.add(clients.submit(() -> member.post("/engine-rest/task/" + task.get("id").asText()
                            + "/complete", Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))), 204)));
                }
                for (Future<?> each : decided) {
                    each.get();
                }
            }
        } finally {
            clients.shutdown();
        }
        return taxCodes;
    }

    private static List<String> measure(ServerProcess node, TokenIssuer issuer, List<String> taxCodes, byte[] closed,
                                        byte[] open, String label) throws Exception {
        Client author = new Client(node.port, "author1", "demo");
        long rssBefore = StartupBench.rssMb(node.handle().pid());
        List<Double> seconds = new ArrayList<>();
        JsonNode preview = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            preview = preview(author, closed);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        seconds.sort(Double::compare);
        long rssAfter = StartupBench.rssMb(node.handle().pid());
        JsonNode province = preview.get("province");
        JsonNode park = null;
        for (JsonNode each : preview.get("parks")) {
            if (each.get("name").asText().equals(PARK)) {
                park = each.get("totals");
            }
        }

        // the closing made, while the enterprises read their status
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread readers = statusReads(node.port, issuer, taxCodes, reading, reads, failed);
        long activated = System.nanoTime();
        put(author, "industrial-parks.drl.xlsx", closed);
        int version = author.get("/api/rules").get("version").asInt();
        awaitRescreened(author, version);
        double rescreened = (System.nanoTime() - activated) / 1e9;
        reading.set(false);
        readers.join();
        JsonNode after = author.get("/api/applications?status=SUSPENDED&size=1");
        JsonNode progress = new Client(node.port, "health1", "demo").get("/api/reports/progress");

        put(author, "industrial-parks.drl.xlsx", open);
        awaitRescreened(author, author.get("/api/rules").get("version").asInt());
        resumeAll(node.port);
        return List.of(
                String.format("- %s, %,d enterprises / %,d workers live: preview of closing %s %.2f s (median of 3: "
                                + "%s s; target < %s s: %s); resident memory %d MB before, %d MB after", label,
                        province.get("enterprises").asInt(), province.get("workers").asInt(), PARK, seconds.get(1),
                        seconds, taxCodes.size() <= PROVINCE ? "1" : "3",
                        seconds.get(1) < (taxCodes.size() <= PROVINCE ? 1 : 3) ? "met" : "MISSED", rssBefore, rssAfter),
                String.format("  - the preview: %d of %d enterprises affected (%d in %s), %d permits to be suspended, "
                                + "approved workers %,d → %,d", province.get("enterprisesAffected").asInt(),
                        province.get("enterprises").asInt(), park.get("enterprisesAffected").asInt(), PARK,
                        province.get("suspensions").asInt(), province.get("approvedBefore").asInt(),
                        province.get("approvedAfter").asInt()),
                String.format("  - made: every live application re-screened %.2f s after the save (%s), %d "
                                + "applications suspended, the dashboard's approved workers %,d; status reads meanwhile "
                                + "%,d, failed %d", rescreened, rescreened < 10 ? "target < 10 s: met"
                                : "target < 10 s: MISSED", after.get("totalElements").asInt(),
                        progress.get("approvedWorkers").asInt(), reads.get(), failed.get()));
    }

    /** The steering committee resumes every permit the closing suspended, so the next round starts as this one did. */
    private static void resumeAll(int port) {
        Client steering = new Client(port, "steering1", "demo");
        for (JsonNode task : steering.get("/engine-rest/task?taskDefinitionKey=reviewRuleBlocker&maxResults=5000")) {
            steering.post("/engine-rest/task/" + task.get("id").asText() + "/complete",
                    Map.of("variables", Map.of("decision", Map.of("value", "RESUME"))), 204);
        }
    }

    private static Thread statusReads(int port, TokenIssuer issuer, List<String> taxCodes, AtomicBoolean reading,
                                      AtomicInteger reads, AtomicInteger failed) {
        Thread thread = new Thread(() -> {
            int n = 0;
            while (reading.get()) {
                String taxCode = taxCodes.get(n++ % taxCodes.size());
                try {
                    int status = Client.bearer(port, issuer.enterprise(taxCode)).status("/api/applications?size=1");
                    reads.incrementAndGet();
                    if (status != 200) {
                        failed.incrementAndGet();
                    }
                    Thread.sleep(10);
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitRescreened(Client author, int version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            JsonNode progress = author.get("/api/rules").get("rescreening");
            if (progress.get("version").asText().equals("v" + version)
                    && progress.get("current").asInt() == progress.get("live").asInt()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Re-screening did not finish in 10 minutes: " + progress);
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode preview(Client author, byte[] table) throws IOException {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"industrial-parks.drl.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(table);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return author.send("POST", "/api/rules/impact", "multipart/form-data; boundary=" + boundary,
                body.toByteArray(), 200);
    }

    private static void put(Client author, String name, byte[] table) {
        author.send("PUT", "/api/rules/files/" + name + "?comment=ImpactBench", "application/octet-stream", table, 200);
    }
}
