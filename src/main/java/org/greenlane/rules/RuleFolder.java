package org.greenlane.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The rules folder on disk: the single source of truth that officials edit and the API writes through. */
class RuleFolder {

    private final Path folder;

    RuleFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    SortedMap<String, byte[]> read() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Path path : ruleSources()) {
            try {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return files;
    }

    /** Writes beside the target under a name the folder ignores, then renames: readers never see half a file. */
    void write(String name, byte[] content) {
        Path target = resolve(name);
        Path temporary = folder.resolve("." + name + ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + name, e);
        }
    }

    /** Makes the folder hold exactly these rule files; other files (README, templates) stay. */
    void replaceAll(SortedMap<String, byte[]> files) {
        for (Path path : ruleSources()) {
            if (!files.containsKey(path.getFileName().toString())) {
                delete(path.getFileName().toString());
            }
        }
        files.forEach(this::write);
    }

    private Path resolve(String name) {
        Path target = folder.resolve(name).normalize();
        if (!target.getParent().equals(folder) || !RuleCompiler.isRuleSource(name)) {
            throw new IllegalArgumentException("Not a rule file name: " + name);
        }
        return target;
    }

    private List<Path> ruleSources() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The rules folder " + folder + " does not exist (GREENLANE_RULES_DIR)");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> RuleCompiler.isRuleSource(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the rules folder " + folder, e);
        }
    }
}
