package org.greenlane.workbook;

import java.util.Comparator;
import java.util.List;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.system.FieldProblem;
import org.greenlane.system.InvalidRequestException;

/**
 * An application read from an uploaded workbook, with where each of its parts was read: what the intake finds wrong
 * with the document is told at the cell ({@code Workers!A5}), as the enterprise sees its roster.
 */
public final class WorkbookApplication {

    /** The .xlsx media type, the request body of a workbook upload. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The name of a problem with the whole upload rather than one of its cells. */
    public static final String WHOLE = "workbook";

    private final ApplicationDocument document;
    private final CellLocations cells;

    WorkbookApplication(ApplicationDocument document, CellLocations cells) {
        this.document = document;
        this.cells = cells;
    }

    /** A refusal of the whole upload rather than of one of its cells. */
    public static InvalidRequestException refused(String message) {
        return new InvalidRequestException(List.of(new FieldProblem(WHOLE, message)));
    }

    public ApplicationDocument document() {
        return document;
    }

    /** Problems named by their path in the document, each told at its cell instead, in the workbook's order. */
    public List<FieldProblem> atCells(List<FieldProblem> problems) {
        record Told(CellRef cell, FieldProblem problem) {
        }
        return problems.stream().map(problem -> cells.locate(problem.field())
                        .map(at -> new Told(at.cell(), cells.atCell(at, problem)))
                        .orElse(new Told(null, problem)))
                .sorted(Comparator.comparing(Told::cell, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Told::problem).toList();
    }

    public FieldProblem atCell(FieldProblem problem) {
        return cells.atCell(problem);
    }
}
