package org.greenlane.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greenlane.ServerProcess;
import org.greenlane.rules.TestRuleFolders;

/**
 * The README's run command, {@code mvn spring-boot:run}, as a newcomer types it (on a fresh data folder, a copy of
 * the rules and a free port): the time until /actuator/health answers UP, and the server JVM's resident memory then,
 * after the README's tours ({@link ReadmeTours}) and after a burst of submissions, with the JVM settings that
 * command gives it.
 */
final class StartupBench {

    private static final double STARTUP_TARGET_S = 20;
    private static final long RSS_TARGET_MB = 512;
    private static final Pattern STARTED = Pattern.compile("Started GreenlaneApplication in ([\\d.]+) seconds");

    private StartupBench() {
    }

    static List<String> run() throws Exception {
        List<String> figures = new ArrayList<>();
        Path data = Files.createTempDirectory("greenlane-startup");
        for (String start : List.of("first start, empty database", "second start, same database")) {
            figures.add(measure(start, data));
        }
        return figures;
    }

    private static String measure(String label, Path data) throws Exception {
        int port = ServerProcess.freePort();
        Path log = Benchmarks.RESULTS.resolve("startup-server.log");
        // -Pbench only keeps Maven from dropping the benchmark classes this JVM still loads from target/test-classes
        ProcessBuilder command = new ProcessBuilder("mvn", "-B", "-q", "-Pbench", "spring-boot:run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("SERVER_PORT", String.valueOf(port));
        command.environment().put("GREENLANE_DATA_DIR", data.toString());
        Path rules = TestRuleFolders.copyShipped(Files.createTempDirectory("greenlane-startup-rules"));
        command.environment().put("GREENLANE_RULES_DIR", rules.toString());
        long launched = System.nanoTime();
        Process maven = command.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
            while (!up(http, health)) {
                if (!maven.isAlive() || System.nanoTime() - launched > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("The server did not become healthy; see " + log);
                }
                Thread.sleep(50);
            }
            double healthy = (System.nanoTime() - launched) / 1e9;
            ProcessHandle server = maven.descendants().filter(p -> commandLine(p).contains("GreenlaneApplication"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No server JVM under mvn"));
            long idleMb = rssMb(server.pid());
            String jvmOptions = jvmOptions(commandLine(server));
            ReadmeTours.run(port, Benchmarks.RESULTS.resolve("startup-tours.log"));
            long toursMb = rssMb(server.pid());
            long loadedMb = rssAfterLoad(port, server.pid());
            String startedIn = startedIn(log).map(s -> s + " s").orElse("?");
            return String.format("- %s: healthy %.1f s after `mvn spring-boot:run` (Spring: started in %s; target "
                            + "< %.0f s: %s); RSS %d MB when healthy, %d MB after the README's tours (target < %d MB: "
                            + "%s), %d MB after 200 more applications of 144 workers; JVM options: %s", label,
                    healthy, startedIn, STARTUP_TARGET_S, healthy < STARTUP_TARGET_S ? "met" : "MISSED", idleMb,
                    toursMb, RSS_TARGET_MB, toursMb < RSS_TARGET_MB ? "met" : "MISSED", loadedMb, jvmOptions);
        } finally {
            maven.descendants().forEach(ProcessHandle::destroy);
            maven.destroy();
            maven.waitFor(1, TimeUnit.MINUTES);
        }
    }

    private static long rssAfterLoad(int port, long pid) throws Exception {
        IntakeBench.submitAndAwaitReview(new Client(port, "2400123456", "demo"), new Client(port, "admin", "demo"),
                200, 0);
        return rssMb(pid);
    }

    private static boolean up(HttpClient http, HttpRequest health) {
        try {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process's resident memory, from /proc: the figure the README's memory target is about. */
    static long rssMb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElseThrow();
    }

    /** Read from /proc: ProcessHandle.Info leaves out long command lines. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static String jvmOptions(String commandLine) {
        List<String> options = new ArrayList<>();
        for (String argument : commandLine.split(" ")) {
            if (argument.startsWith("-X") || argument.startsWith("-XX")) {
                options.add(argument);
            }
        }
        return options.isEmpty() ? "the JVM's defaults" : String.join(" ", options);
    }

    private static Optional<String> startedIn(Path log) throws IOException {
        Matcher started = STARTED.matcher(Files.readString(log));
        String last = null;
        while (started.find()) {
            last = started.group(1);
        }
        return Optional.ofNullable(last);
    }
}
