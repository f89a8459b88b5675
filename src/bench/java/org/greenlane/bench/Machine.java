package org.greenlane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run measured, written beside its figures. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = cpuModel().orElse(System.getProperty("os.arch"));
        long memoryGb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGb + " GiB, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
    }

    private static Optional<String> cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
