package org.greenlane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.greenlane.ServerProcess;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.rules.TestRuleFolders;

/**
 * An official saving a changed table while enterprises submit and read: the time from the file's save until the
 * server screens with it, and every request that failed meanwhile.
 */
final class ReloadBench {

    private static final int SAVES = 3;
    private static final int SUBMITTERS = 2;
    private static final int READERS = 2;

    private ReloadBench() {
    }

    static List<String> run() throws Exception {
        Path dir = Files.createTempDirectory("greenlane-reload");
        Path rules = TestRuleFolders.copyShipped(Files.createDirectories(dir.resolve("rules")));
        try (ServerProcess node = BenchServer.start(dir, rules, "reload")) {
            Client enterprise = new Client(node.port, "2400123456", "demo");
            Client author = new Client(node.port, "author1", "demo");
            ApplicationDocument application = TestApplications.clean(IntakeBench.WORKERS, Instant.now());
            String readable = enterprise.post("/api/applications", application).get("id").asText();

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + READERS);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < SUBMITTERS; i++) {
                load.add(pool.submit(() -> repeat(loading, requests, failures,
                        () -> enterprise.post("/api/applications", application))));
            }
            for (int i = 0; i < READERS; i++) {
                load.add(pool.submit(() -> repeat(loading, requests, failures,
                        () -> enterprise.get("/api/applications/" + readable))));
            }
            Thread.sleep(5_000);
            List<Double> seconds = new ArrayList<>();
            for (int save = 0; save < SAVES; save++) {
                int before = author.get("/api/rules").get("version").asInt();
                // an official closes a park, then opens it again
                TestRuleFolders.setParkStatus(rules.resolve(TestRuleFolders.PARKS_TABLE), "Đình Trám",
                        save % 2 == 0 ? "CLOSED" : "OPEN");
                long saved = System.nanoTime();
                while (author.get("/api/rules").get("version").asInt() == before) {
                    if (System.nanoTime() - saved > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("The saved table was not active after 30 s");
                    }
                    Thread.sleep(10);
                }
                seconds.add((System.nanoTime() - saved) / 1e9);
                Thread.sleep(3_000);
            }
            loading.set(false);
            for (Future<?> client : load) {
                client.get();
            }
            pool.shutdown();
            double worst = Collections.max(seconds);
            return List.of(String.format("- %d saves of industrial-parks.drl.xlsx while %d clients submit 144-worker "
                            + "applications and %d read their status: save → active %s s (worst %.2f s; target < 2 s: %s)",
                            SAVES, SUBMITTERS, READERS, seconds.stream().map(s -> String.format("%.2f", s)).toList(),
                            worst, worst < 2 ? "met" : "MISSED"),
                    String.format("- requests during the run: %,d, failed: %d %s (target 0: %s)", requests.get(),
                            failures.size(), failures.stream().limit(3).toList(), failures.isEmpty() ? "met" : "MISSED"));
        }
    }

    private static void repeat(AtomicBoolean loading, AtomicInteger requests, List<String> failures, Runnable request) {
        while (loading.get()) {
            try {
                request.run();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
            requests.incrementAndGet();
        }
    }
}
