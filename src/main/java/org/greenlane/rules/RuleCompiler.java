package org.greenlane.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.system.BoundedMemo;
import org.greenlane.system.Checksum;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.springframework.stereotype.Component;

/**
 * Compiles a set of rule files into a {@link ScreeningRules}, or refuses with every problem found. Builds share
 * nothing but the DRL of the decision tables already read (by content), so a failed build leaves nothing behind.
 */
@Component
class RuleCompiler {

    private static final String RESOURCE_DIR = "src/main/resources/org/greenlane/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern TABLE_ROW = Pattern.compile("rule values at ([A-Z]+(\\d+)), header at ([A-Z]+\\d+)");

    /** A table is handed to Drools as the DRL it compiles to, under its own name plus this. */
    private static final String TABLE_AS_DRL = ".drl";

    /**
     * Each table's DRL by the checksum of its content, for every compiler in the JVM (the early compile at start-up
     * too). Reading spreadsheets was a third of a reload's time under load, and Drools read every table a second
     * time; now only a changed table is read, once.
     */
    private static final BoundedMemo<String, String> TABLE_DRL = new BoundedMemo<>(64);

    private final KieServices kieServices = KieServices.Factory.get();

    /** Whether the rule folder holds this file as a rule source (DRL or decision table). */
    static boolean isRuleSource(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !isEditorLeftover(lower)
                && (lower.endsWith(".drl") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv"));
    }

    private static boolean isEditorLeftover(String lower) {
        return lower.startsWith("~$") || lower.startsWith(".") || lower.endsWith(".tmp");
    }

    ScreeningRules compile(SortedMap<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new RuleSetCompileException(List.of(new RuleProblem("", "",
                    "The rule folder holds no .drl file or decision table: nothing would be checked.")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        SortedMap<String, byte[]> buildable = new TreeMap<>();
        Map<String, String> tablesAsDrl = new HashMap<>();
        for (var file : files.entrySet()) {
            List<RuleProblem> fileProblems = new ArrayList<>(checkTable(file.getKey(), file.getValue(), tablesAsDrl));
            if (fileProblems.isEmpty()) {
                fileProblems.addAll(checkSource(file.getKey(), file.getValue(), tablesAsDrl.get(file.getKey())));
            }
            problems.addAll(fileProblems);
            if (fileProblems.isEmpty()) {
                buildable.put(file.getKey(), file.getValue());
            }
        }
        // The rest is still built, so that one answer lists every problem of the folder.
        ReleaseId releaseId = kieServices.newReleaseId("org.greenlane", "screening-rules",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        buildable.forEach((name, content) -> {
            String drl = tablesAsDrl.get(name);
            kfs.write(RESOURCE_DIR + (drl == null ? name : name + TABLE_AS_DRL), kieServices.getResources()
                    .newByteArrayResource(drl == null ? content : drl.getBytes(StandardCharsets.UTF_8), "UTF-8"));
        });
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message message : errors) {
            // Drools follows every DRL syntax error with this line-less echo; the real error is listed already.
            if (errors.size() == 1 || !message.getText().startsWith("Parser returned a null Package")) {
                String file = fileOf(message, tablesAsDrl);
                problems.add(new RuleProblem(file, locationOf(message, tablesAsDrl.get(file)), message.getText().strip()));
            }
        }
        if (!problems.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            throw new RuleSetCompileException(problems);
        }
        KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase();
        // The KieBase keeps what it needs; the repository would otherwise keep every build for the JVM's life.
        kieServices.getRepository().removeKieModule(releaseId);
        String checksum = checksum(files);
        return new ScreeningRules(kieBase, checksum.substring(0, 12), checksum);
    }

    /**
     * Drools skips a table whose name does not end in .drl.xlsx/.drl.xls/.drl.csv, which would silently drop policy;
     * such a name is refused, and so is a table the decision-table compiler cannot read (no RuleTable, corrupt).
     */
    private List<RuleProblem> checkTable(String name, byte[] content, Map<String, String> tablesAsDrl) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean table = lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
        if (!table) {
            return List.of();
        }
        if (!lower.matches(".*\\.drl\\.(xlsx|xls|csv)")) {
            String suggested = name.replaceFirst("\\.(?i)(xlsx|xls|csv)$", ".drl.$1");
            return List.of(new RuleProblem(name, "", "Drools ignores a decision table unless its name ends in "
                    + ".drl.xlsx, .drl.xls or .drl.csv: rename it to " + suggested));
        }
        try {
            InputType type = lower.endsWith(".csv") ? InputType.CSV : InputType.XLS;
            tablesAsDrl.put(name, TABLE_DRL.get(Checksum.sha256(content),
                    key -> new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type)));
            return List.of();
        } catch (RuntimeException e) {
            return List.of(new RuleProblem(name, "", "The table cannot be read: " + rootMessage(e)));
        }
    }

    /** What the file's code may not do ({@link RuleSourceCheck}), read in the DRL a table compiles to. */
    private static List<RuleProblem> checkSource(String name, byte[] content, String tableAsDrl) {
        String source = tableAsDrl != null ? tableAsDrl : new String(content, StandardCharsets.UTF_8);
        return RuleSourceCheck.violations(source).stream()
                .map(violation -> new RuleProblem(name, location(violation.line(), tableAsDrl), violation.message()))
                .toList();
    }

    private static String fileOf(Message message, Map<String, String> tablesAsDrl) {
        String path = message.getPath();
        if (path == null) {
            return "";
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        String table = file.endsWith(TABLE_AS_DRL) ? file.substring(0, file.length() - TABLE_AS_DRL.length()) : null;
        return tablesAsDrl.containsKey(table) ? table : file;
    }

    /**
     * A DRL error's line; for a decision table, the spreadsheet row the failing rule came from, found through the
     * "rule values at B12" marks the table compiler writes above each rule.
     */
    private static String locationOf(Message message, String tableAsDrl) {
        return location(message.getLine(), tableAsDrl);
    }

    private static String location(int line, String tableAsDrl) {
        if (line <= 0) {
            return "";
        }
        if (tableAsDrl != null) {
            List<String> lines = tableAsDrl.lines().toList();
            for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
                Matcher mark = TABLE_ROW.matcher(lines.get(i));
                if (mark.find()) {
                    return "row " + mark.group(2) + " (cell " + mark.group(1) + "; the column's template is under "
                            + mark.group(3) + ")";
                }
            }
        }
        return "line " + line;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Each file with its own checksum, as the audit trail keeps them. */
    static String fileChecksums(Map<String, byte[]> files) {
        return new TreeMap<>(files).entrySet().stream()
                .map(file -> file.getKey() + " sha256:" + Checksum.sha256(file.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** One checksum over the names and contents, so that the same files always give the same identity. */
    static String checksum(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
