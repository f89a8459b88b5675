package org.greenlane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.greenlane.ServerProcess;
import org.greenlane.TestApplications;
import org.greenlane.TokenIssuer;
import org.greenlane.application.ApplicationDocument;

/**
 * The seeds' day at once: 168 enterprises (167 of 144 workers, one of 159: 24,207 workers), each with its own
 * account, submit together; the time until all are under review, and the latency of the status reads enterprises
 * make meanwhile. Twice, on a fresh server each: enterprises logging in with their passwords (HTTP Basic: the first
 * request of each checks a BCrypt hash), then with bearer tokens of the province's identity provider.
 * <p>
 * The reads come at a fixed rate, each at its appointed time whether or not earlier ones have been answered, and
 * a read's latency counts from that time: a stalled server shows in every read it delays. Readers that each wait
 * for their answer before the next read would read less while the server stalls, hiding the stall, and more the
 * faster it answers, taking the cores the submissions need.
 */
final class ReplayBench {

    static final int ENTERPRISES = 168;
    static final int WORKERS = 24_207;
    /** Every acknowledged enterprise refreshing its status every 1.7 s: more than people waiting at a screen do. */
    private static final int READS_PER_SECOND = 100;
    private static final int WARM_UP_READS = 10;
    /** Enough that a read never waits for a free client thread, only for the server. */
    private static final int READ_THREADS = 32;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final List<String> PARKS = List.of("Vân Trung", "Quang Châu", "Đình Trám", "Song Khê – Nội Hoàng");

    private ReplayBench() {
    }

    /** The seeds' enterprise {@code n} (park in turn, own account, 144 workers, the first 159), for every benchmark. */
    record SeedEnterprise(int n, String taxCode, String park) {

        static SeedEnterprise of(int first, int n) {
            return new SeedEnterprise(n, String.format("24%08d", first + n), PARKS.get(n % PARKS.size()));
        }

        String password() {
            return "mat-khau-" + n;
        }

        void createAccount(Client admin) {
            admin.post("/api/enterprises", Map.of("taxCode", taxCode, "name", "Doanh nghiệp mẫu " + n,
                    "industrialPark", park, "password", password()));
        }

        ApplicationDocument application() {
            return TestApplications.seedEnterprise(taxCode, park, n, n == 0 ? WORKERS - 144 * (ENTERPRISES - 1) : 144,
                    Instant.now());
        }
    }

    private enum Login {
        PASSWORD("with passwords (HTTP Basic)"),
        TOKEN("with bearer tokens (identity provider)");

        final String description;

        Login(String description) {
            this.description = description;
        }
    }

    static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Login login : Login.values()) {
            lines.addAll(run(login));
        }
        return lines;
    }

    static List<String> runWithPasswords() throws Exception {
        return run(Login.PASSWORD);
    }

    static List<String> runWithTokens() throws Exception {
        return run(Login.TOKEN);
    }

    private static List<String> run(Login login) throws Exception {
        Path dir = Files.createTempDirectory("greenlane-replay");
        TokenIssuer issuer = new TokenIssuer();
        try (ServerProcess node = BenchServer.start(dir, Path.of("rules"), "replay-" + login.name().toLowerCase(),
                List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location="
                        + issuer.publicKeyLocation()))) {
            Client admin = new Client(node.port, "admin", "demo");
            List<Client> enterprises = new ArrayList<>();
            // written as JSON before the clock starts: an enterprise's document exists before it submits it
            List<byte[]> applications = new ArrayList<>();
            for (int n = 0; n < ENTERPRISES; n++) {
                SeedEnterprise seed = SeedEnterprise.of(80_000, n);
                seed.createAccount(admin);
                enterprises.add(login == Login.PASSWORD ? new Client(node.port, seed.taxCode(), seed.password())
                        : Client.bearer(node.port, issuer.enterprise(seed.taxCode())));
                applications.add(Client.bytes(seed.application()));
            }
            // A server in service: it has screened applications and answered their enterprises' status reads, with
            // this kind of login, so the JIT has compiled those paths (a token replay on a server warmed only with
            // passwords spent its first second compiling the token and status paths: reads of up to 0.85 s).
            Client seasoned = login == Login.PASSWORD ? new Client(node.port, "2400123456", "demo")
                    : Client.bearer(node.port, issuer.enterprise("2400123456"));
            IntakeBench.submitAndAwaitReview(seasoned, admin, IntakeBench.WARM_UP, 0);
            for (JsonNode application : seasoned.get("/api/applications?size=200").get("content")) {
                for (int read = 0; read < WARM_UP_READS; read++) {
                    seasoned.status("/api/applications/" + application.get("id").asText());
                }
            }

            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            List<Read> readsDone = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean replaying = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(ENTERPRISES + 1);
            ExecutorService reads = Executors.newFixedThreadPool(READ_THREADS);
            JvmCpu serverBefore = JvmCpu.of(node.handle());
            JvmCpu clientBefore = JvmCpu.own();
            long start = System.nanoTime();
            Future<?> reader = pool.submit(() -> readStatuses(enterprises, ids, replaying, reads, readsDone));
            List<Future<?>> submissions = new ArrayList<>();
            for (int n = 0; n < ENTERPRISES; n++) {
                int index = n;
                submissions.add(pool.submit(() -> {
                    String id = enterprises.get(index).post("/api/applications", applications.get(index)).get("id").asText();
                    ids.add(index + "/" + id);
                }));
            }
            for (Future<?> submission : submissions) {
                submission.get();
            }
            double acknowledged = (System.nanoTime() - start) / 1e9;
            IntakeBench.awaitUnderReview(admin, ENTERPRISES + IntakeBench.WARM_UP);
            double underReview = (System.nanoTime() - start) / 1e9;
            JvmCpu serverCpu = JvmCpu.of(node.handle()).since(serverBefore);
            JvmCpu clientCpu = JvmCpu.own().since(clientBefore);
            replaying.set(false);
            reader.get();
            reads.shutdown();
            reads.awaitTermination(1, TimeUnit.MINUTES);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);

            writeReads(readsDone, Benchmarks.RESULTS.resolve("replay-" + login.name().toLowerCase() + "-reads.csv"));
            List<Long> sorted = readsDone.stream().map(Read::latencyMicros).sorted().toList();
            long failedReads = readsDone.stream().filter(read -> read.status() != 200).count();
            return List.of(
                    String.format("- %s, %d enterprises / %,d workers submitted at once: all acknowledged after "
                            + "%.2f s, all under review after %.2f s", login.description,
                            ENTERPRISES, WORKERS, acknowledged, underReview),
                    String.format("  - status reads during it, %d per second by the enterprises already "
                            + "acknowledged: %,d reads, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed (target p99 "
                            + "< 100 ms: %s)", READS_PER_SECOND, sorted.size(),
                            percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100),
                            failedReads, percentile(sorted, 99) < 100 ? "met" : "MISSED"),
                    String.format("  - CPU until all were under review (all of a JVM's threads, from the operating "
                            + "system): the server %s, the benchmark's clients %s, of the %d cores' %.1f s",
                            serverCpu.seconds(), clientCpu.seconds(), CORES, CORES * underReview));
        }
    }

    /**
     * Every 1/{@link #READS_PER_SECOND} s from the first acknowledgement on, one read of a random acknowledged
     * application by the enterprise that owns it.
     */
    private static void readStatuses(List<Client> enterprises, List<String> ids, AtomicBoolean replaying,
                                     ExecutorService reads, List<Read> done) {
        while (ids.isEmpty() && replaying.get()) {
            LockSupport.parkNanos(1_000_000);
        }
        long interval = 1_000_000_000L / READS_PER_SECOND;
        long due = System.nanoTime();
        long epochMillisAtStart = System.currentTimeMillis();
        long nanosAtStart = due;
        while (replaying.get()) {
            long appointed = due;
            String[] owned = ids.get(ThreadLocalRandom.current().nextInt(ids.size())).split("/");
            reads.execute(() -> {
                int status;
                try {
                    status = enterprises.get(Integer.parseInt(owned[0])).status("/api/applications/" + owned[1]);
                } catch (Exception e) {
                    status = -1;
                }
                done.add(new Read(epochMillisAtStart + (appointed - nanosAtStart) / 1_000_000, owned[1],
                        (System.nanoTime() - appointed) / 1_000, status));
            });
            due += interval;
            LockSupport.parkNanos(due - System.nanoTime());
        }
    }

    /**
     * One status read: when it was due (wall clock, to set beside the server's access log or GC log), the
     * application, how long it took from then, and its HTTP status (-1: no answer).
     */
    private record Read(long appointedEpochMillis, String applicationId, long latencyMicros, int status) {
    }

    /** Every read of the replay, in the order they were due: where in the burst the slow ones fall. */
    private static void writeReads(List<Read> reads, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("appointed_epoch_ms,application_id,latency_ms,status");
        reads.stream().sorted(Comparator.comparingLong(Read::appointedEpochMillis)).forEach(read -> lines.add(
                String.format(Locale.ROOT, "%d,%s,%.1f,%d", read.appointedEpochMillis(), read.applicationId(),
                        read.latencyMicros() / 1000.0, read.status())));
        Files.write(file, lines);
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
