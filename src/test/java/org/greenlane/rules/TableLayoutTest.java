package org.greenlane.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.greenlane.screening.ScreenedWorker;
import org.greenlane.screening.WorkerMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.runtime.KieSession;

/**
 * The shipped decision tables survive a save by the programs rule authors use. openpyxl writes no cell that holds
 * nothing, not even one inside a merged region, and Drools gives a merged header only to the cells a file has; so
 * no shipped table depends on a merged cell (each condition column names its worker, {@code $w := ScreenedWorker},
 * the same one for every condition of a row), and a table that does is refused at the header cell at fault.
 *
 * <p>The copies in saved-tables/ were made from the shipped worker table: the 48 h draft by the README's openpyxl
 * one-liner, then opened and saved by LibreOffice ({@code soffice --headless --convert-to xlsx}); the merged-header
 * one by openpyxl changing 72 to 48 in the table as it was before its header was unmerged. After a change to the
 * shipped worker table, make the two 48 h drafts again the same way.
 */
class TableLayoutTest {

    private static final String WORKER_TABLE = "worker-criteria.drl.xlsx";

    private final RuleCompiler compiler = new RuleCompiler();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"worker-criteria.drl.xlsx", "lockdown-communes.drl.xlsx", "industrial-parks.drl.xlsx",
            "policy-parameters.drl.xlsx", "templates/worker-criteria-template.xlsx"})
    void tableSavedWithoutItsEmptyCellsCompilesToTheSameRules(String table) throws IOException {
        byte[] shipped = Files.readAllBytes(TestRuleFolders.SHIPPED.resolve(table));

        byte[] saved = savedAsOpenpyxlDoes(shipped);

        assertThat(drl(saved)).isEqualTo(drl(shipped));
        SortedMap<String, byte[]> files = TestRuleFolders.read(TestRuleFolders.SHIPPED);
        files.put(Path.of(table).getFileName().toString().replaceFirst("(\\.drl)?\\.xlsx$", ".drl.xlsx"), saved);
        assertThatCode(() -> compiler.compile(files)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"worker-criteria-48h-openpyxl.drl.xlsx", "worker-criteria-48h-libreoffice.drl.xlsx"})
    void draftSavedByAnEditorIsTheShippedTableWithTheNewPcrWindow(String draft) throws IOException {
        String shipped = drl(Files.readAllBytes(TestRuleFolders.SHIPPED.resolve(WORKER_TABLE)));
        String window48 = shipped.replace("hoursSinceNegativePcr > 72)", "hoursSinceNegativePcr > 48)");
        assertThat(window48).as("the shipped table's PCR window").isNotEqualTo(shipped);

        byte[] saved = resource(draft);

        assertThat(drl(saved)).isEqualTo(window48);
        SortedMap<String, byte[]> files = TestRuleFolders.read(TestRuleFolders.SHIPPED);
        files.put(WORKER_TABLE, saved);
        assertThat(compiler.compile(files).kieBase()
                .getRule("org.greenlane.rules", "NoNegativePcrWithin72HoursIsIneligible")).isNotNull();
    }

    @Test
    void tableWhoseMergedHeaderLostItsEmptyCellsIsRefusedAtTheHeaderCells() {
        SortedMap<String, byte[]> files = TestRuleFolders.read(TestRuleFolders.SHIPPED);
        files.put(WORKER_TABLE, resource("worker-criteria-merged-header-openpyxl.drl.xlsx"));

        RuleSetCompileException refused = catchThrowableOfType(RuleSetCompileException.class,
                () -> compiler.compile(files));

        // rows 11 to 13 fill the columns E, F and G, which the merged C7:G7 no longer reaches
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(WORKER_TABLE));
        assertThat(refused.problems().stream().map(RuleProblem::location).sorted())
                .satisfiesExactly(
                        location -> assertThat(location).startsWith("row 7 (cell E7: the condition in E11 ")
                                .contains("merged C7:G7"),
                        location -> assertThat(location).startsWith("row 7 (cell F7: the condition in F12 "),
                        location -> assertThat(location).startsWith("row 7 (cell G7: the condition in G13 "));
    }

    @Test
    void conditionsOfOneRowAreAboutOneWorker() {
        // the vaccination priority row made to ask for a close contact within 14 days as well
        byte[] table = TestRuleFolders.shippedTable(WORKER_TABLE, sheet -> {
            Row priority = sheet.getRow(12);
            assertThat(priority.getCell(1).getStringCellValue()).isEqualTo("UnvaccinatedWorkerIsAVaccinationPriority");
            priority.createCell(5).setCellValue(14);
        });
        SortedMap<String, byte[]> files = new TreeMap<>(Map.of(WORKER_TABLE, table));
        KieSession session = compiler.compile(files).kieBase().newKieSession();
        List<Integer> priority;
        try {
            session.insert(worker(0, 0, 3));
            session.insert(worker(1, 0, ScreenedWorker.NEVER));
            session.insert(worker(2, 2, 3));
            session.fireAllRules();
            priority = session.getObjects(o -> o instanceof WorkerMark mark
                    && mark.getCode().equals("W-VACCINATION-PRIORITY")).stream()
                    .map(o -> ((WorkerMark) o).getWorker()).toList();
        } finally {
            session.dispose();
        }

        assertThat(priority).as("workers both unvaccinated and a close contact").containsExactly(0);
    }

    /** A worker with a recent negative PCR, no positive test, these doses and a close contact this many days ago. */
    private static ScreenedWorker worker(int index, int doses, double daysSinceCloseContact) {
        return new ScreenedWorker(index, "00120100000" + index, "Việt Yên", "Bích Động", 10, ScreenedWorker.NEVER,
                ScreenedWorker.NEVER, daysSinceCloseContact, doses);
    }

    /**
     * The table as openpyxl saves it: only the first cell of a merged region is kept, and no cell that holds
     * nothing is written.
     */
    private static byte[] savedAsOpenpyxlDoes(byte[] table) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table));
             var out = new ByteArrayOutputStream()) {
            for (Sheet sheet : workbook) {
                List<Cell> dropped = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.BLANK || isCoveredByAMerge(sheet, cell)) {
                            dropped.add(cell);
                        }
                    }
                }
                dropped.forEach(cell -> cell.getRow().removeCell(cell));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static boolean isCoveredByAMerge(Sheet sheet, Cell cell) {
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.isInRange(cell) && (cell.getRowIndex() != merged.getFirstRow()
                    || cell.getColumnIndex() != merged.getFirstColumn())) {
                return true;
            }
        }
        return false;
    }

    private static String drl(byte[] table) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table), InputType.XLS);
    }

    private static byte[] resource(String name) {
        try (InputStream in = TableLayoutTest.class.getResourceAsStream("saved-tables/" + name)) {
            assertThat(in).as("test resource saved-tables/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
