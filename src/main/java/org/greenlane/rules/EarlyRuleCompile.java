package org.greenlane.rules;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.greenlane.screening.ScreeningRules;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts compiling the rules folder as soon as the settings are known, while the database and the engine start,
 * instead of after them: the compile is seconds of CPU, the engine's start mostly waits on the database. The server
 * takes the result only if the folder still holds the same files (src/bench/BENCHMARKS.md, startup).
 */
public final class EarlyRuleCompile implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** At most one compile per start, handed over once. */
    private static final AtomicReference<CompletableFuture<ScreeningRules>> EARLY = new AtomicReference<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Path folder = Path.of(event.getEnvironment().getProperty("greenlane.rules-dir", "./rules"));
        CompletableFuture<ScreeningRules> compile = new CompletableFuture<>();
        if (EARLY.compareAndSet(null, compile)) {
            Thread thread = new Thread(() -> {
                try {
                    compile.complete(new RuleCompiler().compile(new RuleFolder(folder).read()));
                } catch (RuntimeException e) {
                    compile.completeExceptionally(e);
                }
            }, "rules-early-compile");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The early compile, if there was one and it compiled exactly the files with this checksum. */
    static Optional<ScreeningRules> take(String checksum) {
        CompletableFuture<ScreeningRules> compile = EARLY.getAndSet(null);
        if (compile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(compile.join()).filter(rules -> rules.checksum().equals(checksum));
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }
}
