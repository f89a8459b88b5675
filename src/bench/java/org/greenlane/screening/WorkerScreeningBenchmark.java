package org.greenlane.screening;

import static org.greenlane.TestApplications.NOW;
import static org.greenlane.TestApplications.VIETNAM;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.greenlane.TestApplications;
import org.greenlane.TestRosters.MixedRoster;
import org.greenlane.TestRosters;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.bench.DmnWorkerCriteria;
import org.greenlane.rules.TestRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worker criteria over 120,000 generated workers (the tests' {@link TestRosters mixed roster}), one operation per
 * whole roster: through Drools with the shipped rule folder, by hand in plain Java (the floor), and as the same table
 * in Camunda's DMN engine in both FEEL modes. Every path must agree on the eligible count, or the run stops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Drools compiles its constraint evaluators after a few evaluations and the JIT needs a few dozen rosters more to
// settle (one JVM: 133 → 60 → 55 ms per roster over rounds of 30): a server screens all day, so measure it settled.
@Warmup(iterations = 60)
@Measurement(iterations = 30)
public class WorkerScreeningBenchmark {

    public static final int WORKERS = 120_000;

    private final Screener screener = new Screener(VIETNAM);
    private ScreeningRules rules;
    private ApplicationDocument application;
    private List<ScreenedWorker> facts;
    private DmnWorkerCriteria dmnScalaFeel;
    private DmnWorkerCriteria dmnLegacyFeel;

    @Setup
    public void setUp() {
        MixedRoster roster = TestRosters.mixed(WORKERS, 2021);
        rules = TestRules.shipped();
        application = TestApplications.withWorkers(TestApplications.clean(WORKERS), roster.workers());
        facts = screener.screenedWorkers(roster.workers(), NOW);
        dmnScalaFeel = new DmnWorkerCriteria(false);
        dmnLegacyFeel = new DmnWorkerCriteria(true);
        // The Scala FEEL run takes minutes; both FEEL modes give the same codes on the table's boundaries.
        Map<String, Integer> eligible = Map.of("expected", roster.expectedEligible(), "drools", drools(),
                "server", serverScreening(), "plainJava", plainJava(), "dmnLegacyFeel", dmnLegacyFeel.eligible(facts));
        if (eligible.values().stream().distinct().count() != 1) {
            throw new IllegalStateException("The paths disagree on the eligible count: " + eligible);
        }
    }

    /**
     * Drools, the shipped rule files, over prepared facts: what the rule engine itself costs. The count is a plain
     * loop: a stream per worker cost 10–25 ms per roster on one core, up to a third of the figure (BENCHMARKS.md).
     */
    @Benchmark
    public int drools() {
        int eligible = 0;
        for (List<WorkerMark> own : screener.markWorkers(rules.kieBase(), facts)) {
            if (!anyIneligible(own)) {
                eligible++;
            }
        }
        return eligible;
    }

    private static boolean anyIneligible(List<WorkerMark> marks) {
        for (WorkerMark mark : marks) {
            if (WorkerMark.INELIGIBLE.equals(mark.getEffect())) {
                return true;
            }
        }
        return false;
    }

    /** The server's whole screening of a 120,000-worker application: facts, both rule passes and the verdicts. */
    @Benchmark
    public int serverScreening() {
        return screener.screen(rules, application, Map.of(), NOW).eligibleCount();
    }

    @Benchmark
    public int plainJava() {
        return PlainJavaWorkerCriteria.eligible(facts);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int dmnLegacyFeel() {
        return dmnLegacyFeel.eligible(facts);
    }

    /** Minutes per roster: the bench runs it on one roster after one warm-up. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public int dmnScalaFeel() {
        return dmnScalaFeel.eligible(facts);
    }
}
