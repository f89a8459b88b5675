package org.greenlane.workbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.greenlane.application.ApplicationDocument;

/**
 * Workbooks for tests and benchmarks: the server's template filled in with an application, knowing nothing of the
 * template but its sheets' names and the English headers, each the path of a field in the application's JSON. A
 * value of the application no column takes fails the filling: the template has fallen behind the document.
 */
public final class TestWorkbooks {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private TestWorkbooks() {
    }

    public static byte[] template() {
        return new WorkbookTemplate().bytes();
    }

    /** Typed in by a clerk, as Excel saves it: strings in the shared table. */
    public static byte[] filled(ApplicationDocument application) {
        return fill(application, true);
    }

    /** Written by a program exporting its roster: streamed, strings inline in the sheets. */
    public static byte[] exported(ApplicationDocument application) {
        return fill(application, false);
    }

    /** The workbook with a change made to it, as an enterprise would make it in Excel and save. */
    public static byte[] edited(byte[] workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell at a reference such as {@code Tests!C3}, made if it is not there yet. */
    public static Cell cell(Workbook book, String reference) {
        CellReference at = new CellReference(reference);
        Sheet sheet = book.getSheet(at.getSheetName());
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        return row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
    }

    /** A style showing a number as a date in this format, such as {@code dd/mm/yyyy hh:mm}. */
    public static CellStyle dateStyle(Workbook book, String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(format));
        return style;
    }

    private static byte[] fill(ApplicationDocument application, boolean sharedStrings) {
        JsonNode document = JSON.valueToTree(application);
        Set<String> written = new HashSet<>();
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(template()));
             SXSSFWorkbook book = new SXSSFWorkbook(template, 1000, true, sharedStrings);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the first sheet holds the instructions
            for (int index = 1; index < template.getNumberOfSheets(); index++) {
                Sheet sheet = template.getSheetAt(index);
                List<String> headers = new ArrayList<>();
                sheet.getRow(1).forEach(header -> headers.add(header.getStringCellValue()));
                Sheet rows = book.getSheetAt(index);
                int next = 2;
                for (RowObject object : rowObjects(sheet.getSheetName(), document)) {
                    Row row = rows.createRow(next++);
                    for (int column = 0; column < headers.size(); column++) {
                        String field = "/" + headers.get(column).replace('.', '/');
                        String pointer = object.node().at(field).isMissingNode() ? field : object.pointer() + field;
                        JsonNode value = object.node().at(field).isMissingNode() ? document.at(field)
                                : object.node().at(field);
                        if (!value.isMissingNode()) {
                            write(row.createCell(column), value);
                            written.add(pointer);
                        }
                    }
                }
            }
            Set<String> left = leaves(document, "", new TreeSet<>());
            left.removeAll(written);
            if (!left.isEmpty()) {
                throw new IllegalStateException("The template has no column for " + left);
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object of the document one row of a sheet holds, and its place in the document. */
    private record RowObject(String pointer, JsonNode node) {
    }

    private static List<RowObject> rowObjects(String sheet, JsonNode document) {
        List<RowObject> objects = new ArrayList<>();
        switch (sheet) {
            case "Enterprise" -> objects.add(new RowObject("/enterprise", document.get("enterprise")));
            case "MedicalPlan" -> objects.add(new RowObject("/medicalPlan", document.get("medicalPlan")));
            case "Workers", "Accommodations", "Shuttles" -> {
                String list = Character.toLowerCase(sheet.charAt(0)) + sheet.substring(1);
                for (int i = 0; i < document.get(list).size(); i++) {
                    objects.add(new RowObject("/" + list + "/" + i, document.get(list).get(i)));
                }
            }
            case "Tests" -> {
                for (int i = 0; i < document.get("workers").size(); i++) {
                    tests(objects, "/workers/" + i, document.get("workers").get(i));
                }
                for (int i = 0; i < document.get("shuttles").size(); i++) {
                    tests(objects, "/shuttles/" + i + "/driver", document.get("shuttles").get(i).get("driver"));
                }
            }
            default -> throw new IllegalStateException("The template has a sheet no test knows: " + sheet);
        }
        return objects;
    }

    /** A row per test, with the citizen id of the person tested. */
    private static void tests(List<RowObject> objects, String pointer, JsonNode person) {
        for (int j = 0; j < person.get("tests").size(); j++) {
            ObjectNode test = person.get("tests").get(j).deepCopy();
            test.set("citizenId", person.get("citizenId"));
            objects.add(new RowObject(pointer + "/tests/" + j, test));
        }
    }

    private static void write(Cell cell, JsonNode value) {
        if (value.isNumber()) {
            cell.setCellValue(value.asDouble());
        } else if (value.isBoolean()) {
            cell.setCellValue(value.asBoolean());
        } else {
            cell.setCellValue(value.asText());
        }
    }

    private static Set<String> leaves(JsonNode node, String pointer, Set<String> leaves) {
        if (node.isContainerNode()) {
            if (node.isObject()) {
                node.fields().forEachRemaining(
                        field -> leaves(field.getValue(), pointer + "/" + field.getKey(), leaves));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    leaves(node.get(i), pointer + "/" + i, leaves);
                }
            }
        } else {
            leaves.add(pointer);
        }
        return leaves;
    }
}
