package org.greenlane.workbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greenlane.system.FieldProblem;

/**
 * Where each part of the document was read: a problem the validator names by its path in the document
 * ({@code workers[3].tests[0].sampledAt}) is told at its cell ({@code Tests!C9}). Keeps row numbers only; the cell
 * of a path is worked out when a problem needs it.
 */
final class CellLocations {

    private static final Pattern LIST_ITEM =
            Pattern.compile("(workers|accommodations|shuttles)(?:\\[(\\d+)](?:\\.(.+))?)?");
    private static final Pattern TEST = Pattern.compile("(?:driver\\.)?tests(?:\\[(\\d+)](?:\\.(.+))?)?");
    private static final Pattern MEDICAL_PLAN = Pattern.compile("medicalPlan(?:\\.(.+))?");
    /** A path inside a validator's message, such as the first of two repeated ids. */
    private static final Pattern PATH_IN_TEXT =
            Pattern.compile("\\b(?:workers|accommodations|shuttles)\\[\\d+](?:\\.\\w+(?:\\[\\d+])?)*");

    private final int enterpriseRow;
    private final int medicalPlanRow;
    private final int[] workerRows;
    private final int[][] workerTestRows;
    private final int[] accommodationRows;
    private final int[] shuttleRows;
    private final int[][] driverTestRows;

    CellLocations(int enterpriseRow, int medicalPlanRow, int[] workerRows, int[][] workerTestRows,
                  int[] accommodationRows, int[] shuttleRows, int[][] driverTestRows) {
        this.enterpriseRow = enterpriseRow;
        this.medicalPlanRow = medicalPlanRow;
        this.workerRows = workerRows;
        this.workerTestRows = workerTestRows;
        this.accommodationRows = accommodationRows;
        this.shuttleRows = shuttleRows;
        this.driverTestRows = driverTestRows;
    }

    /** A problem the document has, told at its cell; one that is not about the document stays as it is. */
    FieldProblem atCell(FieldProblem problem) {
        return locate(problem.field()).map(at -> atCell(at, problem)).orElse(problem);
    }

    /** The problem told at the cell its path was located at. */
    FieldProblem atCell(Located at, FieldProblem problem) {
        return new FieldProblem(at.cell().toString(), at.name() + " " + cellsIn(problem.message()));
    }

    /** The cell of a path in the document, and the name its message starts with. */
    Optional<Located> locate(String path) {
        Matcher item = LIST_ITEM.matcher(path);
        if (item.matches()) {
            RosterSheet sheet = switch (item.group(1)) {
                case "workers" -> RosterSheet.WORKERS;
                case "accommodations" -> RosterSheet.ACCOMMODATIONS;
                default -> RosterSheet.SHUTTLES;
            };
            if (item.group(2) == null) {
                return Optional.of(new Located(CellRef.sheet(sheet), item.group(1)));
            }
            int index = Integer.parseInt(item.group(2));
            int[] rows = sheet == RosterSheet.WORKERS ? workerRows
                    : sheet == RosterSheet.ACCOMMODATIONS ? accommodationRows : shuttleRows;
            if (index >= rows.length) {
                return Optional.empty();
            }
            String field = item.group(3);
            Matcher test = field == null || sheet == RosterSheet.ACCOMMODATIONS ? null : TEST.matcher(field);
            if (test != null && test.matches() && test.group(1) != null) {
                int[] testRows = (sheet == RosterSheet.WORKERS ? workerTestRows : driverTestRows)[index];
                int testIndex = Integer.parseInt(test.group(1));
                return testIndex < testRows.length
                        ? Optional.of(inRow(RosterSheet.TESTS, testRows[testIndex], test.group(2), "test"))
                        : Optional.empty();
            }
            return Optional.of(inRow(sheet, rows[index], field, path));
        }
        Matcher medicalPlan = MEDICAL_PLAN.matcher(path);
        if (medicalPlan.matches()) {
            return Optional.of(inRow(RosterSheet.MEDICAL_PLAN, medicalPlanRow, medicalPlan.group(1), "medicalPlan"));
        }
        return RosterSheet.ENTERPRISE.columnOf(path) >= 0 || path.equals("enterprise")
                ? Optional.of(inRow(RosterSheet.ENTERPRISE, enterpriseRow, path, path)) : Optional.empty();
    }

    /** The field's cell in the row, or the whole row where the path names no single column. */
    private static Located inRow(RosterSheet sheet, int row, String path, String name) {
        int column = path == null ? -1 : sheet.columnOf(path);
        return column < 0 ? new Located(CellRef.row(sheet, row), path == null ? name : path)
                : new Located(new CellRef(sheet, row, column), sheet.columns.get(column).header());
    }

    private String cellsIn(String message) {
        return PATH_IN_TEXT.matcher(message).replaceAll(found -> Matcher.quoteReplacement(
                locate(found.group()).map(at -> at.cell().toString()).orElse(found.group())));
    }

    /** A cell, and the name of what it holds (its column's header). */
    record Located(CellRef cell, String name) {
    }
}
