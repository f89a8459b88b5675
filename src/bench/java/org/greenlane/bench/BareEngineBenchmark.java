package org.greenlane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.greenlane.workflow.ComputedFormData;
import org.greenlane.workflow.GreenlaneHistory;
import org.greenlane.workflow.GreenlaneHistoryLevel;
import org.greenlane.workflow.ProcessSettings;
import org.greenlane.workflow.ProcessVariables;

/**
 * The fair limit for intake: the bare Camunda engine, without Spring, HTTP, screening or Greenlane's own tables,
 * starting the project's own process (processes/enterprise-restart.bpmn) as the server does after screening at
 * submission — the same four review tasks with their due-date timers, task cards and candidate-group grants, the
 * same history level and plugins, on the same database settings. Whatever the server reaches is measured against it.
 */
final class BareEngineBenchmark {

    private static final String PROCESS = "processes/enterprise-restart.bpmn";
    private static final int TASKS_PER_START = 4;
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
            engine.getRepositoryService().createDeployment()
                    .addClasspathResource(PROCESS).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            for (int i = 0; i < WARMUP; i++) {
                start(runtime);
            }
            JvmCpu cpuBefore = JvmCpu.own();
            double seconds = timeStarts(runtime, threads, instances);
            JvmCpu cpu = JvmCpu.own().since(cpuBefore);
            long tasks = engine.getTaskService().createTaskQuery().count();
            long expected = (long) TASKS_PER_START * (instances + WARMUP);
            if (tasks != expected) {
                throw new IllegalStateException("expected " + expected + " tasks, found " + tasks);
            }
            return new Result(threads, instances, seconds, cpu);
        } finally {
            engine.close();
        }
    }

    /**
     * What the Spring Boot starter and application.yml give the server's engine; the process's expressions find
     * beans that do what the server's do inside the engine (the task cards' two variables) and nothing outside it.
     */
    private static ProcessEngineConfiguration configuration(BenchDatabase database) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(new PooledDataSource(database.bareDriver(), database.bareUrl(), database.user(), ""));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setProcessEnginePlugins(List.of(new GreenlaneHistory(), new ComputedFormData()));
        configuration.setHistory(GreenlaneHistoryLevel.NAME);
        configuration.setAuthorizationEnabled(true);
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        // the starter's default; the standalone default (DbIdGenerator) would hand out ids in blocks instead
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("processSettings", new ProcessSettings(Duration.ofDays(14), Duration.ofHours(24), Duration.ofDays(1)));
        beans.put("applicationStatus", new StatusMarks());
        beans.put("taskCard", (TaskListener) task -> {
            task.setVariableLocal(ProcessVariables.ENTERPRISE_NAME, "Công ty TNHH Thử nghiệm (MST 2400123456)");
            task.setVariableLocal(ProcessVariables.INDUSTRIAL_PARK, "Quang Châu");
        });
        configuration.setBeans(beans);
        return configuration;
    }

    /** The server marks an application's status in its own table; here the mark changes nothing. */
    public static final class StatusMarks {

        public void mark(DelegateExecution execution, String status) {
        }
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

    /** As the server starts a screened submission without blockers: straight to the four reviews. */
    private static void start(RuntimeService runtime) {
        String key = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, key,
                Map.of(ProcessVariables.APPLICATION_ID, key, ProcessVariables.HAS_BLOCKERS, false));
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
