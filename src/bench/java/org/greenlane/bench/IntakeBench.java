package org.greenlane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.greenlane.ServerProcess;
import org.greenlane.TestApplications;

/**
 * The running server under concurrent submissions of 144-worker applications, counted until each is screened and
 * its four review tasks are open (status UNDER_REVIEW), beside the bare engine starting the same process
 * ({@link BareEngineBenchmark}) on the same database settings.
 */
final class IntakeBench {

    static final int WORKERS = 144;
    private static final int CLIENTS = 8;
    /** Until the JIT has compiled the hot paths. */
    static final int WARM_UP = 300;
    private static final int APPLICATIONS = 600;
    private static final int BARE_INSTANCES = 3_000;
    private static final double TARGET_PER_SECOND = 20;

    private IntakeBench() {
    }

    static List<String> run() throws Exception {
        Path dir = Files.createTempDirectory("greenlane-intake");
        return runOn(BenchDatabase.h2(dir.resolve("bare")), dir, "intake");
    }

    /** The same on the local PostgreSQL, the production database: the server and the bare engine alike. */
    static List<String> runOnPostgres() throws Exception {
        try (BenchDatabase postgres = BenchDatabase.postgres()) {
            return runOn(postgres, Files.createTempDirectory("greenlane-intake"), "intake-postgres");
        }
    }

    private static List<String> runOn(BenchDatabase database, Path dir, String name) throws Exception {
        double server;
        JvmCpu serverCpu;
        JvmCpu clientCpu;
        try (ServerProcess node = BenchServer.start(dir, Path.of("rules"), name, database.serverSettings())) {
            Client enterprise = new Client(node.port, "2400123456", "demo");
            Client staff = new Client(node.port, "admin", "demo");
            submitAndAwaitReview(enterprise, staff, WARM_UP, 0);
            JvmCpu serverBefore = JvmCpu.of(node.handle());
            JvmCpu clientBefore = JvmCpu.own();
            server = submitAndAwaitReview(enterprise, staff, APPLICATIONS, WARM_UP);
            serverCpu = JvmCpu.of(node.handle()).since(serverBefore);
            clientCpu = JvmCpu.own().since(clientBefore);
            long tasks = staff.get("/engine-rest/task/count").get("count").asLong();
            if (tasks != 4L * (WARM_UP + APPLICATIONS)) {
                throw new IllegalStateException(tasks + " review tasks open, expected " + 4 * (WARM_UP + APPLICATIONS));
            }
        }
        BareEngineBenchmark.Result bare = BareEngineBenchmark.run(database, 2, BARE_INSTANCES);
        String withoutCompilers = serverCpu.withoutCompilers().flatMap(serverRest -> bare.cpu().withoutCompilers()
                .map(bareRest -> String.format(", without the compilers %.1f×", perUnit(serverRest, APPLICATIONS)
                        / perUnit(bareRest, bare.instances())))).orElse("");
        double ratio = server / bare.perSecond();
        return List.of(
                String.format("- server: %,d applications of %d workers from %d clients, submitted → screened → four "
                        + "review tasks open: %.1f applications/s (%,.0f workers/s; target ≥ %.0f/s: %s)", APPLICATIONS,
                        WORKERS, CLIENTS, server, server * WORKERS, TARGET_PER_SECOND,
                        server >= TARGET_PER_SECOND ? "met" : "MISSED"),
                String.format("- bare engine, the project's process on %s, %d threads: %.1f process starts/s (%,d "
                        + "instances)", database.label(), bare.threads(), bare.perSecond(), bare.instances()),
                String.format("- server / bare engine: %.2f", ratio),
                String.format("- CPU (all of a JVM's threads, from the operating system): the server %s per "
                        + "application, the benchmark's clients beside it %s; the bare engine %s per start; server / "
                        + "bare engine %.1f×%s", serverCpu.millisPer(APPLICATIONS), clientCpu.millisPer(APPLICATIONS),
                        bare.cpu().millisPer(bare.instances()),
                        perUnit(serverCpu.total(), APPLICATIONS) / perUnit(bare.cpu().total(), bare.instances()),
                        withoutCompilers));
    }

    private static double perUnit(Duration cpu, int count) {
        return (double) cpu.toMillis() / count;
    }

    /** Applications per second from the first submission until the last one is under review. */
    static double submitAndAwaitReview(Client enterprise, Client staff, int count, int alreadyUnderReview)
            throws Exception {
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            // written as JSON once, as the replay's documents are: the clients share the server's cores
            byte[] application = Client.bytes(TestApplications.clean(WORKERS, Instant.now()));
            List<Future<?>> submissions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                submissions.add(clients.submit(() -> enterprise.post("/api/applications", application)));
            }
            for (Future<?> submission : submissions) {
                submission.get();
            }
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
        awaitUnderReview(staff, alreadyUnderReview + count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static void awaitUnderReview(Client staff, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (staff.get("/api/applications?status=UNDER_REVIEW&size=1").get("totalElements").asLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all applications reached UNDER_REVIEW in 10 minutes");
            }
            Thread.sleep(20);
        }
    }
}
