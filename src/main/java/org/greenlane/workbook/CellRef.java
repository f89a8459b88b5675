package org.greenlane.workbook;

import java.util.Comparator;
import org.apache.poi.ss.util.CellReference;

/**
 * Where in the workbook a problem is: a cell ({@code Workers!E17}), a whole row ({@code Workers!17:17}) or a whole
 * sheet ({@code Workers}). Rows count from 1 as the spreadsheet shows them, columns from 0.
 */
record CellRef(RosterSheet sheet, int row, int column) implements Comparable<CellRef> {

    private static final Comparator<CellRef> READING_ORDER = Comparator.comparing((CellRef cell) -> cell.sheet())
            .thenComparingInt(CellRef::row).thenComparingInt(CellRef::column);

    static CellRef sheet(RosterSheet sheet) {
        return new CellRef(sheet, -1, -1);
    }

    static CellRef row(RosterSheet sheet, int row) {
        return new CellRef(sheet, row, -1);
    }

    @Override
    public String toString() {
        if (row < 0) {
            return sheet.title;
        }
        if (column < 0) {
            return sheet.title + "!" + row + ":" + row;
        }
        return sheet.title + "!" + CellReference.convertNumToColString(column) + row;
    }

    @Override
    public int compareTo(CellRef other) {
        return READING_ORDER.compare(this, other);
    }
}
