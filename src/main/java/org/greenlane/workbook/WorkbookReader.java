package org.greenlane.workbook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded workbook into an application, sheet by sheet as its XML streams by (POI's event API): the heap
 * holds the document being built, never the workbook's cells. Problems are told at their cells, and the whole upload
 * is refused if any.
 */
@Component
class WorkbookReader {

    private final ApplicationValidator validator;
    private final ZoneId province;
    private final ZoneId jsonZone;

    WorkbookReader(ApplicationValidator validator, GreenlaneProperties properties, ObjectMapper json) {
        this.validator = validator;
        this.province = properties.zone();
        // the JSON route moves every date-time to Jackson's zone; the same document must come out of both routes
        this.jsonZone = json.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                ? json.getDeserializationConfig().getTimeZone().toZoneId() : null;
    }

    WorkbookApplication read(Path file) {
        UploadLimits.check(file);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader parts = new XSSFReader(workbook);
            RosterReading reading = new RosterReading(new CellConversion(province, jsonZone, date1904(parts)));
            SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
            NumberFormats formats = NumberFormats.of(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) parts.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    var known = RosterSheet.titled(sheets.getSheetName());
                    if (known.isPresent()) {
                        parse(sheet, new SheetHandler(strings, formats, reading.rowsOf(known.get())));
                    }
                }
            }
            return reading.result(validator);
        } catch (IOException | OpenXML4JException | SAXException | POIXMLException | OpenXML4JRuntimeException
                 | IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            // a zip of the wrong parts, or XML that is not a sheet's (a number that is none, a string that is not
            // in the table): nothing in it can be told at a cell
            throw WorkbookApplication.refused("is not a readable .xlsx workbook; save it in Excel or LibreOffice as "
                    + "\"Excel 2007-365 (.xlsx)\"");
        }
    }

    /** Parses with POI's hardened parser: no document type, no external entity. */
    static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Date cells count days from 1900, or from 1904 in a workbook of old Excel for Mac. */
    private static boolean date1904(XSSFReader parts) throws IOException, OpenXML4JException, SAXException {
        boolean[] date1904 = {false};
        try (InputStream in = parts.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
        }
        return date1904[0];
    }
}
