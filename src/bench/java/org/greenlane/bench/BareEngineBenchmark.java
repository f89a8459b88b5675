package org.greenlane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ParallelGatewayBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.greenlane.system.GroupCommit;
import org.greenlane.workflow.GreenlaneHistoryLevel;
import org.greenlane.workflow.InsertIdCheck;

/**
 * The ceiling for intake: the bare Camunda engine, without Spring, HTTP or Greenlane's own tables,
 * starting a process that opens the same four parallel tasks, on the same database and history level.
 * Whatever the server reaches is measured against this.
 */
final class BareEngineBenchmark {

    private static final String PROCESS_KEY = "bareFourTasks";
    private static final String[] SECTORS = {"health", "housing", "labour", "transport"};
    /** Lets the JIT, MyBatis statement cache and H2 page cache settle before the clock starts. */
    private static final int WARMUP = 200;

    /** {@code cpu}: this JVM's CPU time while it started them, all its threads (the JIT, the GC, H2's). */
    record Result(int threads, int instances, double seconds, JvmCpu cpu) {
        double perSecond() {
            return instances / seconds;
        }
    }

    private BareEngineBenchmark() {
    }

    static Result run(BenchDatabase database, int threads, int instances)
            throws InterruptedException, ExecutionException {
        ProcessEngine engine = configuration(database).buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model()).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            for (int i = 0; i < WARMUP; i++) {
                start(runtime);
            }
            JvmCpu cpuBefore = JvmCpu.own();
            double seconds = timeStarts(runtime, threads, instances);
            JvmCpu cpu = JvmCpu.own().since(cpuBefore);
            long tasks = engine.getTaskService().createTaskQuery().count();
            long expected = (long) SECTORS.length * (instances + WARMUP);
            if (tasks != expected) {
                throw new IllegalStateException("expected " + expected + " tasks, found " + tasks);
            }
            return new Result(threads, instances, seconds, cpu);
        } finally {
            engine.close();
        }
    }

    /** Mirrors what the Spring Boot starter gives the server; everything not set here is the engine's default. */
    private static ProcessEngineConfiguration configuration(BenchDatabase database) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        // the server's commits on H2 wait together for one write of the file; the bare engine's do the same
        configuration.setDataSource(new GroupCommit(
                new PooledDataSource(database.bareDriver(), database.bareUrl(), database.user(), "")));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setCustomHistoryLevels(List.of(new GreenlaneHistoryLevel()));
        configuration.setHistory(GreenlaneHistoryLevel.NAME);
        // The starter's default; the standalone default (DbIdGenerator) would hand out ids in blocks instead.
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new InsertIdCheck()));
        return configuration;
    }

    private static BpmnModelInstance model() {
        ParallelGatewayBuilder fork = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .parallelGateway("fork");
        for (int i = 0; i < SECTORS.length; i++) {
            String sector = SECTORS[i];
            UserTaskBuilder task = fork.moveToNode("fork").userTask(sector).name(sector).camundaCandidateGroups(sector);
            // The first branch creates the join; the others connect to it.
            if (i == 0) {
                task.parallelGateway("join").endEvent();
            } else {
                task.connectTo("join");
            }
        }
        return fork.done();
    }

    /** Threads draw from a shared counter, so the total is exact however the work falls between them. */
    private static double timeStarts(RuntimeService runtime, int threads, int instances)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger remaining = new AtomicInteger(instances);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    while (remaining.getAndDecrement() > 0) {
                        start(runtime);
                    }
                    return null;
                }));
            }
            long begin = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            return (System.nanoTime() - begin) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void start(RuntimeService runtime) {
        String key = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, Map.of("applicationId", key));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bare-engine");
        try {
            Result result = run(BenchDatabase.h2(dir), 2, 2000);
            System.out.printf("bare engine: %d threads, %d instances in %.2f s = %.1f instances/s%n",
                    result.threads(), result.instances(), result.seconds(), result.perSecond());
        } finally {
            // The H2 file reaches hundreds of MB for this run; leave nothing behind.
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
