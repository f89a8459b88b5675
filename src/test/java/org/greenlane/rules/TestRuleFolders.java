package org.greenlane.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.system.Keys;

/**
 * Copies of the real rule folder that a test may change, compiled the way the server compiles them. The shipped
 * folder itself is only ever read: workbooks are opened from a stream, never from a file, because POI writes a
 * workbook opened from a file back when it is closed.
 */
public final class TestRuleFolders {

    public static final Path SHIPPED = Path.of("rules");
    public static final String PARKS_TABLE = "industrial-parks.drl.xlsx";

    private TestRuleFolders() {
    }

    /** Copies every file of the shipped rules folder into {@code target}, and returns it. */
    public static Path copyShipped(Path target) {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles a rules folder as the server does at startup. */
    public static ScreeningRules compile(Path folder) {
        return new RuleCompiler().compile(read(folder));
    }

    static SortedMap<String, byte[]> read(Path folder) {
        return new RuleFolder(folder).read();
    }

    /** The shipped rules with one park of the parks table set to {@code status} (OPEN or CLOSED). */
    public static ScreeningRules shippedWithParkStatus(Path tempDir, String park, String status) {
        Path folder = copyShipped(tempDir);
        setParkStatus(folder.resolve(PARKS_TABLE), park, status);
        return compile(folder);
    }

    /** A shipped table with a change made to its sheet, as an official's save of it would be. */
    public static byte[] shippedTable(String name, Consumer<Sheet> change) {
        try {
            return changedWorkbook(Files.readAllBytes(SHIPPED.resolve(name)), change);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with a change made to its first sheet. */
    public static byte[] changedWorkbook(byte[] content, Consumer<Sheet> change) throws IOException {
        try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
             var out = new ByteArrayOutputStream()) {
            change.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The parks table's change that sets one park's status (OPEN or CLOSED). */
    public static Consumer<Sheet> parkStatus(String park, String status) {
        return sheet -> statusCellOf(sheet, park).setCellValue(status);
    }

    /** Sets the status cell (the column right of the name) of the park row whose name matches {@code park}. */
    public static void setParkStatus(Path table, String park, String status) {
        try {
            byte[] changed;
            changed = changedWorkbook(Files.readAllBytes(table), parkStatus(park, status));
            try (OutputStream out = Files.newOutputStream(table)) {
                out.write(changed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell statusCellOf(Sheet sheet, String park) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && Keys.of(cell.getStringCellValue()).equals(Keys.of(park))) {
                    Cell status = row.getCell(cell.getColumnIndex() + 1);
                    if (status != null) {
                        return status;
                    }
                }
            }
        }
        throw new IllegalArgumentException("No row for park " + park + " in " + sheet.getSheetName());
    }
}
