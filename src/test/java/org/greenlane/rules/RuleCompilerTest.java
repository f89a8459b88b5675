package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.greenlane.screening.ScreeningRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiler takes a whole rule folder or refuses it with problems an official can act on: the file, where in it,
 * and what is wrong. A table Drools would silently skip is refused too, because skipping it would drop policy.
 */
class RuleCompilerTest {

    private static final List<String> SHIPPED_FILES = List.of("application-criteria.drl", "industrial-parks.drl.xlsx",
            "lockdown-communes.drl.xlsx", "policy-parameters.drl.xlsx", "retesting.drl",
            "worker-criteria.drl.xlsx", "worker-residence.drl");

    /** The shipped folder as the server reads it, read once; tests change copies of it. */
    private static SortedMap<String, byte[]> shipped;

    private final RuleCompiler compiler = new RuleCompiler();

    @BeforeAll
    static void readShippedFolder() {
        shipped = TestRuleFolders.read(TestRuleFolders.SHIPPED);
    }

    @Test
    void shippedFolderCompiles() {
        SortedMap<String, byte[]> files = shippedFiles();

        ScreeningRules rules = compiler.compile(files);

        assertThat(files.keySet()).containsExactlyElementsOf(SHIPPED_FILES);
        assertThat(rules.checksum()).matches("[0-9a-f]{64}").isEqualTo(RuleCompiler.checksum(files));
        assertThat(rules.version()).isEqualTo(rules.checksum().substring(0, 12));
        // A rule from each file: every source made it into the KieBase.
        assertThat(List.of("ParkMustBeInTheParksTable", "EnoughMedicalStaffForTheEligibleWorkers",
                "NoNegativePcrWithin72HoursIsIneligible", "UnvaccinatedWorkerIsAVaccinationPriority",
                "WorkerLivingInALockdownCommuneIsIneligible", "Industrial parks_10", "Lockdown communes_10",
                "Policy parameters_10"))
                .allSatisfy(name -> assertThat(rules.kieBase().getRule("org.greenlane.rules", name))
                        .as("rule %s", name).isNotNull());
    }

    @Test
    void drlSyntaxErrorIsRefusedWithItsFileAndLine() {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("broken.drl", utf8("""
                package org.greenlane.rules;

                import org.greenlane.screening.ScreenedWorker;

                rule "Broken"
                when
                    $w : ScreenedWorker( hoursSinceNegativePcr > 72 ))
                then
                end
                """));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).as("only the broken file is blamed").isEqualTo("broken.drl"))
                .anySatisfy(p -> assertThat(p.location()).isEqualTo("line 7"));
    }

    @Test
    void drlReferringToAnUnknownFactFieldIsRefused() {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("typo.drl", utf8("""
                package org.greenlane.rules;

                import org.greenlane.screening.ScreenedWorker;

                rule "Typo"
                when
                    $w : ScreenedWorker( hoursSinceNegativeTest > 72 )
                then
                end
                """));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("typo.drl");
            assertThat(p.location()).isEqualTo("line 7");
            assertThat(p.message()).contains("hoursSinceNegativeTest");
        });
    }

    @Test
    void brokenDecisionTableCellIsRefusedNamingTheTable() throws IOException {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("worker-criteria.drl.xlsx", TestRuleFolders.changedWorkbook(files.get("worker-criteria.drl.xlsx"),
                sheet -> sheet.getRow(7).getCell(2).setCellValue("hoursSinceNegativePcr >> $param")));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("worker-criteria.drl.xlsx");
            assertThat(p.message()).contains("hoursSinceNegativePcr >> 72");
        });
        // the 72 h criterion is the first row of the table: row 10, its cell B10
        assertThat(problems).anySatisfy(p -> assertThat(p.location()).startsWith("row 10 (cell B10"));
    }

    @Test
    void brokenConditionCodeIsLocatedAtItsColumn() throws IOException {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("worker-criteria.drl.xlsx", TestRuleFolders.changedWorkbook(files.get("worker-criteria.drl.xlsx"),
                sheet -> sheet.getRow(7).getCell(4).setCellValue("daysSincePositive =< $param")));

        List<RuleProblem> problems = problemsOf(files);

        // the 14-day positive test is row 11: its value in E11, under the code in E8 and the object type in E7
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.location()).isEqualTo(
                "row 11 (cell B11; column E: the condition in E11, its code in E8, its object type in E7)"));
    }

    @Test
    void conditionWithoutAnObjectTypeIsLocatedAtItsColumnNamingTheEmptyCell() throws IOException {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("worker-criteria.drl.xlsx", TestRuleFolders.changedWorkbook(files.get("worker-criteria.drl.xlsx"),
                sheet -> sheet.getRow(6).removeCell(sheet.getRow(6).getCell(5))));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.location()).isEqualTo(
                "row 12 (cell B12; column F: the condition in F12, its code in F8, no object type in F7)"));
    }

    @Test
    void valueThatIsNoNumberIsLocatedAtItsCell() throws IOException {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("worker-criteria.drl.xlsx", TestRuleFolders.changedWorkbook(files.get("worker-criteria.drl.xlsx"),
                sheet -> sheet.getRow(9).getCell(2).setCellValue("48 h")));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.location()).isEqualTo(
                "row 10 (cell B10; column C: the condition in C10, its code in C8, its object type in C7)"));
    }

    @Test
    void brokenCsvTableIsLocatedAtItsRow() {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("csv-criteria.drl.csv", utf8("""
                RuleSet,org.greenlane.rules
                Import,org.greenlane.screening.ScreenedWorker
                ,
                RuleTable Csv criteria
                NAME,CONDITION
                ,$w : ScreenedWorker
                ,hoursSinceNegativePcr >> $param
                Rule name,Hours
                CsvWindow,72
                """));

        List<RuleProblem> problems = problemsOf(files);

        // a CSV file is no workbook: the rule's row is all there is to name
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("csv-criteria.drl.csv");
            assertThat(p.location()).startsWith("row 9 (cell A9");
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "x.xlsx,          x.drl.xlsx",
            "parks.xls,       parks.drl.xls",
            "lockdown.csv,    lockdown.drl.csv",
            "Communes.XLSX,   Communes.drl.XLSX"})
    void tableWithoutDrlInItsNameIsRefusedWithAHintToRenameIt(String name, String suggested) {
        SortedMap<String, byte[]> files = shippedFiles();
        files.put(name, files.get("industrial-parks.drl.xlsx"));

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(name);
            assertThat(p.message()).contains("rename it to " + suggested);
        });
    }

    @Test
    void tableWithoutARuleTableIsRefused() throws IOException {
        byte[] notes;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Ghi chú");
            sheet.createRow(0).createCell(1).setCellValue("RuleSet");
            sheet.getRow(0).createCell(2).setCellValue("org.greenlane.rules");
            sheet.createRow(2).createCell(1).setCellValue("Danh sách sẽ cập nhật sau / the list comes later");
            workbook.write(out);
            notes = out.toByteArray();
        }
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("notes.drl.xlsx", notes);

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("notes.drl.xlsx");
            assertThat(p.message()).contains("RuleTable");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random", "truncated"})
    void corruptTableIsRefused(String corruption) throws IOException {
        byte[] content;
        if (corruption.equals("random")) {
            content = new byte[4096];
            new Random(42).nextBytes(content);
        } else {
            byte[] real = Files.readAllBytes(TestRuleFolders.SHIPPED.resolve("worker-criteria.drl.xlsx"));
            content = Arrays.copyOf(real, real.length / 2);
        }
        SortedMap<String, byte[]> files = shippedFiles();
        files.put("worker-criteria.drl.xlsx", content);

        List<RuleProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("worker-criteria.drl.xlsx");
            assertThat(p.message()).startsWith("The table cannot be read");
        });
    }

    @Test
    void failedBuildLeavesNothingBehind() {
        SortedMap<String, byte[]> broken = shippedFiles();
        broken.put("broken.drl", utf8("rule"));
        assertThatThrownBy(() -> compiler.compile(broken)).isInstanceOf(RuleSetCompileException.class);

        ScreeningRules rules = compiler.compile(shippedFiles());

        assertThat(rules.kieBase().getRule("org.greenlane.rules", "ParkMustBeInTheParksTable")).isNotNull();
    }

    // ------------------------------------------------------------------ which files are rule sources

    @ParameterizedTest(name = "{0} is a rule source")
    @ValueSource(strings = {"worker-criteria.drl.xlsx", "application-criteria.drl", "X.DRL", "parks.drl.csv",
            "old.drl.xls"})
    void rulesAndTablesAreRuleSources(String name) {
        assertThat(RuleCompiler.isRuleSource(name)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a rule source")
    @ValueSource(strings = {"~$worker-criteria.drl.xlsx", ".~lock.worker-criteria.drl.xlsx#", ".#x.drl", "x.tmp",
            "x.drl.tmp", "README.md", "x.drl~", "x.drl.bak"})
    void editorLeftoversAndDocumentsAreNotRuleSources(String name) {
        assertThat(RuleCompiler.isRuleSource(name)).isFalse();
    }

    @Test
    void folderWithEditorLeftoversCompilesFromItsRuleSourcesOnly(@TempDir Path folder) throws IOException {
        TestRuleFolders.copyShipped(folder);
        byte[] garbage = utf8("not a rule, not a table");
        Files.write(folder.resolve("~$worker-criteria.drl.xlsx"), garbage);
        Files.write(folder.resolve(".#x.drl"), garbage);
        Files.write(folder.resolve("x.tmp"), garbage);
        Files.write(folder.resolve("README.md"), garbage);

        SortedMap<String, byte[]> files = TestRuleFolders.read(folder);

        assertThat(files.keySet()).containsExactlyElementsOf(SHIPPED_FILES);
        assertThat(compiler.compile(files).checksum()).isEqualTo(RuleCompiler.checksum(shippedFiles()));
    }

    @Test
    void missingFolderIsRefusedNamingTheSetting(@TempDir Path parent) {
        Path missing = parent.resolve("no-such-rules");

        assertThatThrownBy(() -> TestRuleFolders.read(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("GREENLANE_RULES_DIR");
    }

    // ------------------------------------------------------------------ checksum

    @Test
    void sameFilesGiveTheSameChecksum() {
        SortedMap<String, byte[]> once = shippedFiles();
        SortedMap<String, byte[]> again = new TreeMap<>();
        // Other arrays, other insertion order: only names and bytes count.
        shippedFiles().entrySet().stream().sorted(Map.Entry.<String, byte[]>comparingByKey().reversed())
                .forEach(e -> again.put(e.getKey(), e.getValue().clone()));

        assertThat(RuleCompiler.checksum(again)).isEqualTo(RuleCompiler.checksum(once));
        assertThat(compiler.compile(again).version()).isEqualTo(compiler.compile(once).version());
    }

    @Test
    void oneChangedByteGivesAnotherChecksum() {
        SortedMap<String, byte[]> files = shippedFiles();
        SortedMap<String, byte[]> changed = shippedFiles();
        byte[] drl = changed.get("application-criteria.drl");
        int at = new String(drl, StandardCharsets.ISO_8859_1).indexOf("medicalStaff <");
        drl[at] = (byte) 'M';

        assertThat(RuleCompiler.checksum(changed)).isNotEqualTo(RuleCompiler.checksum(files));
    }

    @Test
    void renamedFileGivesAnotherChecksum() {
        SortedMap<String, byte[]> files = shippedFiles();
        SortedMap<String, byte[]> renamed = shippedFiles();
        renamed.put("worker-residence-v2.drl", renamed.remove("worker-residence.drl"));

        assertThat(RuleCompiler.checksum(renamed)).isNotEqualTo(RuleCompiler.checksum(files));
    }

    // ------------------------------------------------------------------ helpers

    /** A fresh copy of the shipped folder's rule sources, for a test to change. */
    private static SortedMap<String, byte[]> shippedFiles() {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        shipped.forEach((name, content) -> copy.put(name, content.clone()));
        return copy;
    }

    private List<RuleProblem> problemsOf(SortedMap<String, byte[]> files) {
        RuleSetCompileException refused = catchThrowableOfType(RuleSetCompileException.class,
                () -> compiler.compile(files));
        assertThat(refused).as("the compiler refuses %s", files.keySet()).isNotNull();
        return refused.problems();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
