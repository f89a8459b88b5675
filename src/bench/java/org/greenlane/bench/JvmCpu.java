package org.greenlane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JVM's CPU time so far from the operating system: all its threads, and the part its JIT compiler threads used.
 * The compilers' part tells a server still compiling its hot paths (C2 took ~0.6 of the server's ~1.7 cores through
 * the intake's measured part) from one that has settled.
 *
 * @param compilers the C1 and C2 compiler threads' time, where the operating system lists a process's threads
 *                  ({@code /proc} on Linux)
 */
record JvmCpu(Duration total, Optional<Duration> compilers) {

    private static final Path PROC = Path.of("/proc");
    /** The unit of {@code /proc/…/stat} times: the kernel's USER_HZ ({@code getconf CLK_TCK}), 100 on Linux's usual builds. */
    private static final long TICKS_PER_SECOND = 100;

    static JvmCpu of(ProcessHandle jvm) {
        return new JvmCpu(jvm.info().totalCpuDuration().orElseThrow(), compilerThreads(jvm.pid()));
    }

    static JvmCpu own() {
        return of(ProcessHandle.current());
    }

    /** What was used between {@code before} and this. */
    JvmCpu since(JvmCpu before) {
        return new JvmCpu(total.minus(before.total),
                compilers.flatMap(now -> before.compilers.map(now::minus)));
    }

    /** The time of the threads other than the compilers'. */
    Optional<Duration> withoutCompilers() {
        return compilers.map(total::minus);
    }

    /** "29.5 ms (its JIT compilers 9.8)": the time per one of {@code count}. */
    String millisPer(int count) {
        return describe(count, 1, "ms");
    }

    /** "12.1 s (its JIT compilers 3.0)": the whole time. */
    String seconds() {
        return describe(1, 1000, "s");
    }

    private String describe(int count, int millisPerUnit, String unit) {
        double divisor = (double) count * millisPerUnit;
        String all = String.format("%.1f %s", total.toMillis() / divisor, unit);
        return compilers.map(c -> all + String.format(" (its JIT compilers %.1f)", c.toMillis() / divisor))
                .orElse(all);
    }

    private static Optional<Duration> compilerThreads(long pid) {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            long ticks = threads.filter(JvmCpu::isCompiler).mapToLong(JvmCpu::ticks).sum();
            return Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0"…, cut to 15 characters by the kernel. */
    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    /** utime + stime, fields 14 and 15 of {@code stat}, counted after the command name's closing parenthesis. */
    private static long ticks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
