package org.greenlane.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.greenlane.ServerProcess;

/** The server a benchmark loads: its own JVM with the JVM settings of the README's run command (pom.xml). */
final class BenchServer {

    private BenchServer() {
    }

    static ServerProcess start(Path dir, Path rules, String name) throws IOException {
        return start(dir, rules, name, List.of());
    }

    /** With settings ({@code --name=value}) such as another database. */
    static ServerProcess start(Path dir, Path rules, String name, List<String> settings) throws IOException {
        List<String> jvmOptions = Arrays.stream(System.getProperty("server.jvm.options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        return ServerProcess.start(dir.resolve("data"), rules, Benchmarks.RESULTS.resolve(name + "-server.log"),
                jvmOptions, settings);
    }
}
