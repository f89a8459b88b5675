package org.greenlane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.greenlane.workbook.WorkbookBench;

/**
 * Runs one benchmark, or all of them, and writes their figures to target/benchmarks: {name}.txt per benchmark and
 * summary.md with every figure of the run. Started by the bench profile: mvn -B -Pbench test -Dbench=NAME.
 */
public final class Benchmarks {

    static final Path RESULTS = Path.of("target", "benchmarks");

    interface Benchmark {
        List<String> run() throws Exception;
    }

    private static final Map<String, Benchmark> ALL = Map.ofEntries(
            Map.entry("screening", ScreeningBench::run),
            Map.entry("intake", IntakeBench::run),
            Map.entry("intake-postgres", IntakeBench::runOnPostgres),
            Map.entry("replay", ReplayBench::run),
            Map.entry("replay-password", ReplayBench::runWithPasswords),
            Map.entry("replay-token", ReplayBench::runWithTokens),
            Map.entry("reload", ReloadBench::run),
            Map.entry("startup", StartupBench::run),
            Map.entry("impact", ImpactBench::run),
            Map.entry("verify", VerifyBench::run),
            Map.entry("workbook", WorkbookBench::run));
    private static final List<String> ORDER = List.of("screening", "intake", "replay", "reload", "startup", "impact",
            "verify", "workbook");

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        List<String> names = "all".equals(which) ? ORDER : List.of(which.split(","));
        for (String name : names) {
            if (!ALL.containsKey(name)) {
                throw new IllegalArgumentException("Unknown benchmark " + name + "; one of " + ALL.keySet() + " or all");
            }
        }
        Files.createDirectories(RESULTS);
        Path summary = RESULTS.resolve("summary.md");
        append(summary, List.of("", "# Run of " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " on " + Machine.describe(), ""));
        for (String name : names) {
            List<String> figures = ALL.get(name).run();
            Files.write(RESULTS.resolve(name + ".txt"), figures, StandardCharsets.UTF_8);
            append(summary, List.of("## " + name, ""));
            append(summary, figures);
            append(summary, List.of(""));
            figures.forEach(System.out::println);
        }
        System.out.println("Figures written to " + RESULTS.toAbsolutePath());
    }

    private static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
