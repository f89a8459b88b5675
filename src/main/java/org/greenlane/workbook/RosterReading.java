package org.greenlane.workbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Driver;
import org.greenlane.application.ApplicationDocument.Enterprise;
import org.greenlane.application.ApplicationDocument.MedicalPlan;
import org.greenlane.application.ApplicationDocument.Residence;
import org.greenlane.application.ApplicationDocument.Shuttle;
import org.greenlane.application.ApplicationDocument.Test;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;

/**
 * One upload being read: the rows of each sheet as values of their columns, and every problem found on the way,
 * each at its cell. The shape comes first (every sheet there, its headers the template's); only a workbook of the
 * right shape is read for its content, and then every bad cell is told in one answer, with what the validator finds
 * in the rest.
 */
final class RosterReading {

    private final CellConversion conversion;
    private final Map<RosterSheet, List<Row>> rows = new EnumMap<>(RosterSheet.class);
    private final Map<CellRef, String> shapeProblems = new TreeMap<>();
    private final Map<CellRef, String> problems = new TreeMap<>();

    RosterReading(CellConversion conversion) {
        this.conversion = conversion;
    }

    /** A data row: its number as the spreadsheet shows it, and the value of each column (null where blank). */
    record Row(int number, Object[] values) {

        @SuppressWarnings("unchecked")
        <T> T get(RosterSheet sheet, String header) {
            return (T) values[sheet.columnHeaded(header)];
        }
    }

    SheetHandler.Rows rowsOf(RosterSheet sheet) {
        return new SheetRows(sheet);
    }

    /** The document the sheets hold, with where each part was read; or every problem found, at its cell. */
    WorkbookApplication result(ApplicationValidator validator) {
        for (RosterSheet sheet : RosterSheet.values()) {
            if (!rows.containsKey(sheet)) {
                shapeProblems.put(CellRef.sheet(sheet), "is missing: start from the template, "
                        + "GET /api/applications/template.xlsx");
            }
        }
        if (!shapeProblems.isEmpty()) {
            throw invalid(shapeProblems);
        }
        Map<String, List<Row>> testsOf = new LinkedHashMap<>();
        for (Row test : rows.get(RosterSheet.TESTS)) {
            String citizenId = test.get(RosterSheet.TESTS, "citizenId");
            testsOf.computeIfAbsent(citizenId, id -> new ArrayList<>()).add(test);
        }
        Set<String> tested = new HashSet<>();
        Function<String, List<Row>> testRows = citizenId -> {
            if (citizenId == null) {
                return List.of();
            }
            tested.add(citizenId);
            return testsOf.getOrDefault(citizenId, List.of());
        };

        List<Row> workerRows = rows.get(RosterSheet.WORKERS);
        List<Worker> workers = new ArrayList<>(workerRows.size());
        int[][] workerTestRows = new int[workerRows.size()][];
        for (int i = 0; i < workerRows.size(); i++) {
            Row row = workerRows.get(i);
            List<Row> tests = testRows.apply(row.get(RosterSheet.WORKERS, "citizenId"));
            workerTestRows[i] = numbers(tests);
            workers.add(new Worker(row.get(RosterSheet.WORKERS, "citizenId"), row.get(RosterSheet.WORKERS, "fullName"),
                    new Residence(row.get(RosterSheet.WORKERS, "residence.district"),
                            row.get(RosterSheet.WORKERS, "residence.commune")),
                    tests(tests), row.get(RosterSheet.WORKERS, "vaccinationDoses"),
                    row.get(RosterSheet.WORKERS, "closeContactSince"), row.get(RosterSheet.WORKERS, "accommodationId"),
                    row.get(RosterSheet.WORKERS, "shuttleId")));
        }
        List<Row> shuttleRows = rows.get(RosterSheet.SHUTTLES);
        List<Shuttle> shuttles = new ArrayList<>(shuttleRows.size());
        int[][] driverTestRows = new int[shuttleRows.size()][];
        for (int i = 0; i < shuttleRows.size(); i++) {
            Row row = shuttleRows.get(i);
            List<Row> tests = testRows.apply(row.get(RosterSheet.SHUTTLES, "driver.citizenId"));
            driverTestRows[i] = numbers(tests);
            shuttles.add(new Shuttle(row.get(RosterSheet.SHUTTLES, "id"), row.get(RosterSheet.SHUTTLES, "plate"),
                    row.get(RosterSheet.SHUTTLES, "seats"),
                    new Driver(row.get(RosterSheet.SHUTTLES, "driver.citizenId"),
                            row.get(RosterSheet.SHUTTLES, "driver.fullName"), tests(tests),
                            row.get(RosterSheet.SHUTTLES, "driver.vaccinationDoses"))));
        }
        List<Row> accommodationRows = rows.get(RosterSheet.ACCOMMODATIONS);
        List<Accommodation> accommodations = accommodationRows.stream()
                .map(row -> new Accommodation(row.get(RosterSheet.ACCOMMODATIONS, "id"),
                        row.get(RosterSheet.ACCOMMODATIONS, "name"), row.get(RosterSheet.ACCOMMODATIONS, "address"),
                        row.get(RosterSheet.ACCOMMODATIONS, "capacity")))
                .toList();
        Row enterprise = single(RosterSheet.ENTERPRISE);
        Row plan = single(RosterSheet.MEDICAL_PLAN);
        ApplicationDocument document = new ApplicationDocument(
                new Enterprise(enterprise.get(RosterSheet.ENTERPRISE, "taxCode"),
                        enterprise.get(RosterSheet.ENTERPRISE, "name"),
                        enterprise.get(RosterSheet.ENTERPRISE, "industrialPark"),
                        enterprise.get(RosterSheet.ENTERPRISE, "address"),
                        enterprise.get(RosterSheet.ENTERPRISE, "sector")),
                enterprise.get(RosterSheet.ENTERPRISE, "plannedRestartDate"),
                workers, accommodations, shuttles,
                new MedicalPlan(plan.get(RosterSheet.MEDICAL_PLAN, "medicalStaff"),
                        plan.get(RosterSheet.MEDICAL_PLAN, "isolationRoom"),
                        plan.get(RosterSheet.MEDICAL_PLAN, "bufferZone"),
                        plan.get(RosterSheet.MEDICAL_PLAN, "infectionResponsePlan"),
                        plan.get(RosterSheet.MEDICAL_PLAN, "contactPhone")));
        CellLocations cells = new CellLocations(enterprise.number(), plan.number(), numbers(workerRows),
                workerTestRows, numbers(accommodationRows), numbers(shuttleRows), driverTestRows);

        int citizenIdColumn = RosterSheet.TESTS.columnHeaded("citizenId");
        testsOf.forEach((citizenId, tests) -> {
            if (!tested.contains(citizenId)) {
                for (Row test : tests) {
                    problem(new CellRef(RosterSheet.TESTS, test.number(), citizenIdColumn), citizenId == null
                            ? "citizenId must not be blank: a test belongs to a worker or a driver"
                            : "citizenId names no worker and no driver of this workbook (" + citizenId + ")");
                }
            }
        });
        if (!problems.isEmpty()) {
            try {
                validator.check(document);
            } catch (InvalidRequestException invalid) {
                for (FieldProblem found : invalid.problems()) {
                    // a cell that could not be read is blank to the validator: the reading said more
                    cells.locate(found.field()).ifPresent(at -> problem(at.cell(), cells.atCell(at, found).message()));
                }
            }
            throw invalid(problems);
        }
        return new WorkbookApplication(document, cells);
    }

    /** The one data row of a sheet such as the enterprise's; blank at the first data row when it has none. */
    private Row single(RosterSheet sheet) {
        List<Row> read = rows.get(sheet);
        return read.isEmpty() ? new Row(RosterSheet.FIRST_DATA_ROW, new Object[sheet.columns.size()]) : read.get(0);
    }

    private static List<Test> tests(List<Row> rows) {
        return rows.stream().map(row -> new Test(row.<TestType>get(RosterSheet.TESTS, "type"),
                row.get(RosterSheet.TESTS, "sampledAt"), row.<TestResult>get(RosterSheet.TESTS, "result"))).toList();
    }

    private static int[] numbers(List<Row> rows) {
        return rows.stream().mapToInt(Row::number).toArray();
    }

    /** The first problem said of a cell is kept. */
    private void problem(CellRef cell, String message) {
        problems.putIfAbsent(cell, message);
    }

    private static InvalidRequestException invalid(Map<CellRef, String> problems) {
        return new InvalidRequestException(problems.entrySet().stream()
                .map(problem -> new FieldProblem(problem.getKey().toString(), problem.getValue())).toList());
    }

    /** One sheet's cells, kept as rows of values once its headers are found to be the template's. */
    private final class SheetRows implements SheetHandler.Rows {

        private final RosterSheet sheet;
        private final List<Row> read = new ArrayList<>();
        private final String[] headers;
        private boolean headersChecked;
        private boolean shapeRight = true;
        private Object[] values;

        SheetRows(RosterSheet sheet) {
            this.sheet = sheet;
            this.headers = new String[sheet.columns.size()];
            rows.put(sheet, read);
        }

        @Override
        public void cell(int row, int column, CellValue value) {
            if (row < RosterSheet.FIRST_DATA_ROW - 1) {
                return; // the Vietnamese headers, free to word as an enterprise likes
            }
            if (row < RosterSheet.FIRST_DATA_ROW) {
                header(column, value);
                return;
            }
            checkHeaders();
            if (!shapeRight || value.type() == CellValue.Type.BLANK) {
                return;
            }
            CellRef cell = new CellRef(sheet, row, column);
            if (column >= headers.length) {
                problem(cell, "is outside the template's columns: the last one is "
                        + sheet.columns.get(headers.length - 1).header());
                return;
            }
            RosterSheet.Column of = sheet.columns.get(column);
            if (values == null) {
                values = new Object[headers.length];
            }
            try {
                values[column] = conversion.convert(of.kind(), value);
            } catch (CellConversion.Unreadable unreadable) {
                problem(cell, of.header() + " " + unreadable.getMessage());
            }
        }

        private void header(int column, CellValue value) {
            String header = value.type() == CellValue.Type.BLANK ? "" : value.text().strip();
            if (column < headers.length) {
                headers[column] = header;
            } else if (!header.isEmpty()) {
                shapeRight = false;
                shapeProblems.put(new CellRef(sheet, RosterSheet.FIRST_DATA_ROW - 1, column),
                        "is not a column of the template (" + header + ")");
            }
        }

        @Override
        public void endRow(int row) {
            if (values == null) {
                return;
            }
            if (read.size() == sheet.maxRows) {
                if (sheet.maxRows > 1) {
                    throw new InvalidRequestException(List.of(new FieldProblem(sheet.title, "holds more than "
                            + sheet.maxRows + " rows of data, more than one application may carry")));
                }
                problem(CellRef.row(sheet, row), "is a second row of data: this sheet holds one, on row "
                        + read.get(0).number());
            } else {
                read.add(new Row(row, values));
            }
            values = null;
        }

        @Override
        public void endSheet() {
            checkHeaders();
        }

        /** Once, before the first data row or at the end of the sheet. */
        private void checkHeaders() {
            if (headersChecked) {
                return;
            }
            headersChecked = true;
            for (int column = 0; column < headers.length; column++) {
                String expected = sheet.columns.get(column).header();
                if (!expected.equals(headers[column])) {
                    shapeRight = false;
                    shapeProblems.put(new CellRef(sheet, RosterSheet.FIRST_DATA_ROW - 1, column),
                            "should be the template's column " + expected + (headers[column] == null
                                    || headers[column].isEmpty() ? "" : ", not " + headers[column])
                                    + ": keep the template's columns in their order");
                }
            }
        }
    }
}
