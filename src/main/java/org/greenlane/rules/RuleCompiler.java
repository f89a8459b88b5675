package org.greenlane.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.ActionType;
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

    /** Each table's DRL by the checksum of its content: a reload reads only the tables that changed. */
    private final BoundedMemo<String, String> tableDrl = new BoundedMemo<>(64);

    /** A table's cells by the checksum of its content, read once for all the errors of a failed build. */
    private static final BoundedMemo<String, SheetText> TABLE_CELLS = new BoundedMemo<>(8);

    /** A code cell's parameter marks ($param, $1, $2 …), between which its text stands as written in the DRL. */
    private static final Pattern PARAMETER = Pattern.compile("\\$(param|\\d+)");

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
                problems.add(new RuleProblem(file, location(message.getLine(), tablesAsDrl.get(file), files.get(file)),
                        message.getText().strip()));
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
            tablesAsDrl.put(name, tableDrl.get(Checksum.sha256(content),
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
                .map(violation -> new RuleProblem(name, location(violation.line(), tableAsDrl, content),
                        violation.message()))
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
     * A DRL error's line; for a decision table, the spreadsheet cells the failing line came from: the rule's row,
     * through the "rule values at B12" marks the table compiler writes above each rule, and the condition column
     * whose code the line holds.
     */
    private static String location(int line, String tableAsDrl, byte[] table) {
        if (line <= 0) {
            return "";
        }
        if (tableAsDrl != null) {
            List<String> lines = tableAsDrl.lines().toList();
            int failing = Math.min(line, lines.size()) - 1;
            for (int i = failing; i >= 0; i--) {
                Matcher mark = TABLE_ROW.matcher(lines.get(i));
                if (mark.find()) {
                    return tableLocation(TABLE_CELLS.get(Checksum.sha256(table), key -> SheetText.of(table)), mark,
                            lines.get(failing));
                }
            }
        }
        return "line " + line;
    }

    /**
     * The rule's row and, when the failing line holds a condition's code, that column's cells; a condition left
     * without an object type by a merged header that lost its empty cells in a save is blamed on the header cell.
     */
    private static String tableLocation(SheetText sheet, Matcher mark, String failingLine) {
        String rule = "row " + mark.group(2) + " (cell " + mark.group(1);
        int ruleRow = new CellReference(mark.group(1)).getRow();
        CellReference header = new CellReference(mark.group(3));
        int typeRow = header.getRow() + 2;
        int codeRow = header.getRow() + 3;
        int column = -1;
        int longest = 0;
        for (int c = header.getCol(); c <= sheet.lastColumn(codeRow); c++) {
            int matched = literalLength(sheet.text(codeRow, c), failingLine);
            boolean condition = ActionType.getTag2code().get(sheet.text(header.getRow() + 1, c)
                    .toUpperCase(Locale.ROOT)) == ActionType.Code.CONDITION;
            if (matched > longest && condition && !sheet.text(ruleRow, c).isEmpty()) {
                column = c;
                longest = matched;
            }
        }
        if (column < 0) {
            return rule + "; the column's template is under " + mark.group(3) + ")";
        }
        String letter = CellReference.convertNumToColString(column);
        String value = letter + (ruleRow + 1);
        String type = letter + (typeRow + 1);
        String cells = rule + "; column " + letter + ": the condition in " + value + ", its code in " + letter
                + (codeRow + 1);
        if (!sheet.text(typeRow, column).isEmpty()) {
            return cells + ", its object type in " + type + ")";
        }
        CellRangeAddress merged = sheet.mergedOver(typeRow, column);
        if (merged == null) {
            return cells + ", no object type in " + type + ")";
        }
        // Drools spreads a merged object type only over the cells a file has, and openpyxl saves no empty ones.
        return "row " + (typeRow + 1) + " (cell " + type + ": the condition in " + value + " gets no object type,"
                + " because the merged " + merged.formatAsString() + " lost its empty cells when the file was saved;"
                + " write the object type into each cell of row " + (typeRow + 1) + " instead of merging)";
    }

    /** How much of a code cell's text, the parts around its $param marks, stands in {@code text}; 0 if not all. */
    private static int literalLength(String code, String text) {
        int length = 0;
        for (String part : PARAMETER.split(code)) {
            String literal = part.strip();
            if (!text.contains(literal)) {
                return 0;
            }
            length += literal.length();
        }
        return length;
    }

    /** The text of a table's first sheet (the one the decision-table compiler reads), cell by cell. */
    private record SheetText(Map<Integer, NavigableMap<Integer, String>> rows, List<CellRangeAddress> merged) {

        static SheetText of(byte[] table) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table))) {
                Sheet sheet = workbook.getSheetAt(0);
                DataFormatter formatter = new DataFormatter(Locale.ROOT);
                Map<Integer, NavigableMap<Integer, String>> rows = new HashMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell).strip();
                        if (!text.isEmpty()) {
                            rows.computeIfAbsent(cell.getRowIndex(), r -> new TreeMap<>())
                                    .put(cell.getColumnIndex(), text);
                        }
                    }
                }
                return new SheetText(rows, sheet.getMergedRegions());
            } catch (IOException e) {
                // A CSV table is no workbook: its errors keep the rule's row alone.
                return new SheetText(Map.of(), List.of());
            }
        }

        String text(int row, int column) {
            NavigableMap<Integer, String> cells = rows.get(row);
            return cells == null ? "" : cells.getOrDefault(column, "");
        }

        int lastColumn(int row) {
            NavigableMap<Integer, String> cells = rows.get(row);
            return cells == null ? -1 : cells.lastKey();
        }

        CellRangeAddress mergedOver(int row, int column) {
            return merged.stream().filter(r -> r.isInRange(row, column) && r.getFirstColumn() < column)
                    .findFirst().orElse(null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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
