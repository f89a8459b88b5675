package org.greenlane.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.greenlane.system.Checksum;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;
import org.greenlane.system.PlainText;
import org.springframework.web.multipart.MultipartFile;

/** Rule files as the rule API takes them: a name the rules folder can hold, and the uploaded bytes. */
public final class DraftFiles {

    /** File systems hold names of up to 255 bytes; the folder's temporary copy adds a few to it (RuleFolder). */
    static final int MAX_NAME_BYTES = 200;

    private DraftFiles() {
    }

    /** The draft's files by name, each name checked. */
    public static SortedMap<String, byte[]> read(List<MultipartFile> files) {
        SortedMap<String, byte[]> draft = new TreeMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            requireRuleName(name == null ? "" : name);
            try {
                draft.put(name, file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return draft;
    }

    /** Each file with its own checksum, as the audit trail keeps them. */
    public static String checksums(SortedMap<String, byte[]> files) {
        return files.entrySet().stream()
                .map(file -> file.getKey() + " sha256:" + Checksum.sha256(file.getValue()))
                .collect(Collectors.joining(", "));
    }

    static void requireRuleName(String name) {
        Optional<String> problem;
        if (!RuleCompiler.isRuleSource(name) || name.contains("/") || name.contains("\\")) {
            problem = Optional.of(
                    "must be a .drl file or a decision table (.drl.xlsx, .drl.xls, .drl.csv) name without a path");
        } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            problem = Optional.of("must be at most " + MAX_NAME_BYTES
                    + " bytes long in UTF-8: as many plain letters, fewer accented ones");
        } else {
            problem = PlainText.Validator.problem(name, false);
        }
        problem.ifPresent(message -> {
            throw new InvalidRequestException(List.of(new FieldProblem("name", message)));
        });
    }
}
