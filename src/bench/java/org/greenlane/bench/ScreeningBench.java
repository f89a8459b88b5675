package org.greenlane.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.greenlane.screening.WorkerScreeningBenchmark;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** JMH over {@link WorkerScreeningBenchmark}: time per 120,000 workers for each path and the ratios between them. */
final class ScreeningBench {

    private static final double DROOLS_TARGET_MS = 50;

    private ScreeningBench() {
    }

    static List<String> run() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(WorkerScreeningBenchmark.class.getName())
                .forks(1)
                .jvmArgsAppend("-Xmx2g")
                .result(Benchmarks.RESULTS.resolve("screening-jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build()).run();
        Map<String, Double> medianMs = new TreeMap<>();
        List<String> figures = new ArrayList<>();
        figures.add(String.format("Worker criteria over %,d generated workers, ms per roster (JMH single shot, "
                + "median of the measured iterations; mean ± 99.9%% error):", WorkerScreeningBenchmark.WORKERS));
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark().substring(run.getParams().getBenchmark().lastIndexOf('.') + 1);
            Result<?> primary = run.getPrimaryResult();
            double median = primary.getStatistics().getPercentile(50);
            medianMs.put(name, median);
            figures.add(String.format("- %s: %,.1f ms (mean %,.1f ± %,.1f, %d iterations)", name, median,
                    primary.getScore(), primary.getScoreError(), primary.getStatistics().getN()));
        }
        double drools = medianMs.get("drools");
        double betterDmn = Math.min(medianMs.get("dmnLegacyFeel"), medianMs.get("dmnScalaFeel"));
        figures.add(String.format("- Drools / plain Java: %.1f×", drools / medianMs.get("plainJava")));
        figures.add(String.format("- DMN legacy FEEL / Drools: %.1f×; DMN Scala FEEL / Drools: %.0f×",
                medianMs.get("dmnLegacyFeel") / drools, medianMs.get("dmnScalaFeel") / drools));
        figures.add(String.format("- server screening (facts + both passes + verdicts) / Drools rules alone: %.1f×",
                medianMs.get("serverScreening") / drools));
        figures.add(String.format("- targets: Drools < %.0f ms: %s; Drools ≥ 10× faster than the better DMN mode: %s",
                DROOLS_TARGET_MS, drools < DROOLS_TARGET_MS ? "met" : "MISSED",
                betterDmn / drools >= 10 ? "met" : "MISSED"));
        return figures;
    }
}
