package org.greenlane.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.system.GreenlaneProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set every screening uses, compiled from the rules folder at startup. A screening takes one reference
 * and keeps it, so it always sees one consistent rule set.
 */
@Component
public class ActiveRuleSet implements Supplier<ScreeningRules> {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RuleCompiler compiler;
    private final Path folder;
    private final AtomicReference<ScreeningRules> active = new AtomicReference<>();

    ActiveRuleSet(RuleCompiler compiler, GreenlaneProperties properties) {
        this.compiler = compiler;
        this.folder = properties.rulesDir().toAbsolutePath().normalize();
        ScreeningRules rules = compiler.compile(readFolder());
        active.set(rules);
        log.info("Rule set {} active from {}", rules.version(), folder);
    }

    @Override
    public ScreeningRules get() {
        return active.get();
    }

    SortedMap<String, byte[]> readFolder() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The rules folder " + folder + " does not exist (GREENLANE_RULES_DIR)");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (RuleCompiler.isRuleSource(name)) {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + folder, e);
        }
        return files;
    }
}
