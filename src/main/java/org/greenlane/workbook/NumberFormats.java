package org.greenlane.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles show a number as a date, and which as a time of day too: all a reader needs of the styles part,
 * read as it streams by.
 */
final class NumberFormats {

    private static final NumberFormats GENERAL = new NumberFormats(new boolean[0], new boolean[0]);

    private final boolean[] date;
    private final boolean[] time;

    private NumberFormats(boolean[] date, boolean[] time) {
        this.date = date;
        this.time = time;
    }

    boolean isDate(int style) {
        return style < date.length && date[style];
    }

    boolean showsTime(int style) {
        return style < time.length && time[style];
    }

    static NumberFormats of(OPCPackage workbook) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return GENERAL;
        }
        Handler handler = new Handler();
        try (InputStream in = parts.get(0).getInputStream()) {
            WorkbookReader.parse(in, handler);
        }
        boolean[] date = new boolean[handler.cellFormats.size()];
        boolean[] time = new boolean[date.length];
        for (int style = 0; style < date.length; style++) {
            int id = handler.cellFormats.get(style);
            String format = handler.customFormats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
            date[style] = format != null && DateUtil.isADateFormat(id, format);
            // hours, once quoted text and [colour] or [$-locale] codes are set aside
            time[style] = date[style]
                    && format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT).contains("h");
        }
        return new NumberFormats(date, time);
    }

    private static final class Handler extends DefaultHandler {

        private final Map<Integer, String> customFormats = new HashMap<>();
        private final List<Integer> cellFormats = new ArrayList<>();
        private boolean inNumberFormats;
        private boolean inCellFormats;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "numFmts" -> inNumberFormats = true;
                case "cellXfs" -> inCellFormats = true;
                case "numFmt" -> {
                    if (inNumberFormats) {
                        customFormats.put(Integer.parseInt(attributes.getValue("numFmtId")),
                                attributes.getValue("formatCode"));
                    }
                }
                case "xf" -> {
                    if (inCellFormats) {
                        String id = attributes.getValue("numFmtId");
                        cellFormats.add(id == null ? 0 : Integer.parseInt(id));
                    }
                }
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "numFmts" -> inNumberFormats = false;
                case "cellXfs" -> inCellFormats = false;
                default -> { }
            }
        }
    }
}
