package org.greenlane.workbook;

import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a worksheet's XML as it streams by and hands on each cell, then the end of each row: only the row being read
 * is held, whatever the size of the sheet.
 */
final class SheetHandler extends DefaultHandler {

    /** Where the cells go. */
    interface Rows {
        void cell(int row, int column, CellValue value);

        void endRow(int row);

        void endSheet();
    }

    private final SharedStrings strings;
    private final NumberFormats formats;
    private final Rows rows;
    private final StringBuilder text = new StringBuilder();
    private int row;
    private int column;
    private String type;
    private int style;
    private boolean hasValue;
    private boolean collecting;
    private boolean inInlineString;
    private boolean inPhonetic;

    SheetHandler(SharedStrings strings, NumberFormats formats, Rows rows) {
        this.strings = strings;
        this.formats = formats;
        this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String number = attributes.getValue("r");
                row = number == null ? row + 1 : Integer.parseInt(number);
                column = -1;
            }
            case "c" -> {
                String ref = attributes.getValue("r");
                column = ref == null ? column + 1 : column(ref);
                type = attributes.getValue("t");
                String styleIndex = attributes.getValue("s");
                style = styleIndex == null ? 0 : Integer.parseInt(styleIndex);
                text.setLength(0);
                hasValue = false;
            }
            case "v" -> collect();
            case "is" -> inInlineString = true;
            case "rPh" -> inPhonetic = true;
            case "t" -> {
                if (inInlineString && !inPhonetic) {
                    collect();
                }
            }
            default -> { }
        }
    }

    private void collect() {
        collecting = true;
        hasValue = true;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "t" -> collecting = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> inInlineString = false;
            case "c" -> rows.cell(row, column, value());
            case "row" -> rows.endRow(row);
            default -> { }
        }
    }

    @Override
    public void endDocument() {
        rows.endSheet();
    }

    private CellValue value() {
        if (!hasValue) {
            return CellValue.BLANK;
        }
        String raw = text.toString();
        return switch (type == null ? "n" : type) {
            case "s" -> CellValue.string(strings.getItemAt(Integer.parseInt(raw.strip())).getString());
            // an inline string escapes characters XML cannot hold (_x000D_) as a shared one does; POI's decoding
            // builds an object per cell, so only where there is an escape
            case "inlineStr" -> CellValue.string(raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw);
            case "str", "d" -> CellValue.string(raw);
            case "b" -> new CellValue(CellValue.Type.BOOLEAN, raw.strip(), false, false);
            case "e" -> new CellValue(CellValue.Type.ERROR, raw.strip(), false, false);
            default -> new CellValue(CellValue.Type.NUMBER, raw.strip(), formats.isDate(style),
                    formats.showsTime(style));
        };
    }

    /** The column of a reference such as E17, from 0. */
    private static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }
}
