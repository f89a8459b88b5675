package org.greenlane.workbook;

/**
 * A cell as the sheet's XML holds it, before its column gives it a meaning: the text of a string, the digits of a
 * number (with whether its number format shows a date, and a time), 1 or 0 for a boolean, the code of an error.
 */
record CellValue(Type type, String text, boolean dateFormatted, boolean showsTime) {

    static final CellValue BLANK = new CellValue(Type.BLANK, "", false, false);

    enum Type { BLANK, STRING, NUMBER, BOOLEAN, ERROR }

    static CellValue string(String text) {
        return new CellValue(Type.STRING, text, false, false);
    }
}
