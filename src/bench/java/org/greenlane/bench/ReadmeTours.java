package org.greenlane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's tours as a newcomer runs them, against a server on another port: the enterprise's commands and the
 * rule author's (their bash blocks, in order, in one shell), and a Tasklist member's session (the page, the login,
 * the task list and a form, as the browser asks for them). A draft table is made from the shipped one should
 * openpyxl be missing, so that the rule author's what-if still runs.
 */
final class ReadmeTours {

    private static final List<String> TOURS = List.of("## Tour: an enterprise submits", "## Tour: a rule author");

    private ReadmeTours() {
    }

    /** Runs them all; the shell's output goes to {@code log}. */
    static void run(int port, Path log) throws IOException, InterruptedException {
        Files.copy(Path.of("rules/worker-criteria.drl.xlsx"), Path.of("/tmp/worker-criteria.drl.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);
        StringBuilder script = new StringBuilder();
        for (String tour : TOURS) {
            bashBlocks(tour).forEach(block -> script.append(block).append('\n'));
        }
        script.append(TASKLIST);
        String commands = script.toString().replace("localhost:8080", "localhost:" + port);
        Process shell = new ProcessBuilder("bash", "-c", commands).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!shell.waitFor(5, TimeUnit.MINUTES)) {
            shell.destroyForcibly();
            throw new IllegalStateException("The README's tours did not end within 5 minutes; see " + log);
        }
    }

    /** A member's Tasklist session as the browser has it: page, CSRF token, login, the list, a task's form. */
    private static final String TASKLIST = """
            JAR=$(mktemp); curl -s -c $JAR -b $JAR localhost:8080/camunda/app/tasklist/default/ > /dev/null
            XSRF=$(grep XSRF-TOKEN $JAR | awk '{print $7}')
            curl -s -c $JAR -b $JAR -H "X-XSRF-TOKEN: $XSRF" -d username=health1 -d password=demo \\
                 localhost:8080/camunda/api/admin/auth/user/default/login/tasklist
            for TASK in $(curl -s -c $JAR -b $JAR -H "X-XSRF-TOKEN: $XSRF" \\
                 localhost:8080/camunda/api/engine/engine/default/task | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
              curl -s -c $JAR -b $JAR -H "X-XSRF-TOKEN: $XSRF" \\
                   localhost:8080/camunda/api/engine/engine/default/task/$TASK/form-variables > /dev/null
            done
            curl -s localhost:8080/dashboard > /dev/null; curl -s localhost:8080/api/reports/progress > /dev/null
            """;

    private static List<String> bashBlocks(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        boolean inTour = false;
        StringBuilder block = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inTour = line.startsWith(heading);
            } else if (inTour && line.equals("```bash")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalStateException("No bash block under \"" + heading + "\" in README.md");
        }
        return blocks;
    }
}
