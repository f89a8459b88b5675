package org.greenlane.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.greenlane.workbook.RosterSheet.Column;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The workbook an enterprise fills in instead of writing JSON, made from {@link RosterSheet}: a sheet of instructions,
 * then one sheet per part of the application, Vietnamese headers with the English field beneath, text columns where
 * Excel would otherwise drop leading zeros or read a date month first, and drop-down lists. Made once, on first use.
 */
@Component
class WorkbookTemplate {

    private static final String INSTRUCTIONS = "Hướng dẫn";
    private static final List<String> HOW_TO = List.of(
            "Hồ sơ đề nghị hoạt động trở lại / Enterprise restart application (Greenlane)",
            "1. Mỗi trang là một phần của hồ sơ: dòng 1 tiêu đề tiếng Việt, dòng 2 tên trường tiếng Anh, dữ liệu từ"
                    + " dòng 3. Giữ nguyên tên trang và các cột. / Each sheet is one part of the application: row 1"
                    + " the Vietnamese header, row 2 the field, data from row 3. Keep the sheets' names and columns.",
            "2. Enterprise, MedicalPlan: một dòng (dòng 3). Workers, Accommodations, Shuttles, Tests: mỗi dòng một"
                    + " người lao động, một nơi lưu trú, một xe và lái xe, một lần xét nghiệm. / Enterprise,"
                    + " MedicalPlan: one row (row 3). Workers, Accommodations, Shuttles, Tests: a row per worker,"
                    + " lodging, shuttle with its driver, test.",
            "3. Tests: mỗi lần xét nghiệm của người lao động hoặc lái xe, theo số CCCD/CMND của người đó. / Tests:"
                    + " every test of a worker or a driver, by that person's citizen id.",
            "4. Ngày: dd/MM/yyyy (19/06/2021); thời điểm lấy mẫu: dd/MM/yyyy HH:mm theo giờ Việt Nam (19/06/2021"
                    + " 09:00); ô ngày của Excel cũng được. / Dates day first, dd/MM/yyyy; a sample's time"
                    + " dd/MM/yyyy HH:mm in Vietnam's time; Excel date cells are read too.",
            "5. Số CCCD/CMND, mã số thuế, số điện thoại: nhập dạng văn bản để giữ số 0 ở đầu. / Citizen ids, the"
                    + " tax code and the phone number are text, so that their leading zeros stay.",
            "6. Gửi tệp / send the file: POST /api/applications (hồ sơ mới / new) hoặc / or PUT"
                    + " /api/applications/{id} (bổ sung / correction), Content-Type: " + WorkbookApplication.MEDIA_TYPE
                    + ". Lỗi chỉ rõ ô / errors name the cell: Tests!C5.");
    /** Characters, as Excel counts a column's width. */
    private static final int INSTRUCTIONS_WIDTH = 120;
    private static final int MAX_COLUMN_WIDTH = 45;

    private final Supplier<byte[]> bytes = SingletonSupplier.of(WorkbookTemplate::make);

    byte[] bytes() {
        return bytes.get();
    }

    private static byte[] make() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            Sheet instructions = book.createSheet(INSTRUCTIONS);
            for (int line = 0; line < HOW_TO.size(); line++) {
                instructions.createRow(line).createCell(0).setCellValue(HOW_TO.get(line));
                instructions.getRow(line).getCell(0).setCellStyle(wrapped);
            }
            instructions.setColumnWidth(0, INSTRUCTIONS_WIDTH * 256);
            CellStyle vietnamese = headerStyle(book, true);
            CellStyle english = headerStyle(book, false);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            for (RosterSheet part : RosterSheet.values()) {
                Sheet sheet = book.createSheet(part.title);
                Row titles = sheet.createRow(RosterSheet.FIRST_DATA_ROW - 3);
                Row fields = sheet.createRow(RosterSheet.FIRST_DATA_ROW - 2);
                for (int column = 0; column < part.columns.size(); column++) {
                    Column of = part.columns.get(column);
                    titles.createCell(column).setCellValue(of.vietnamese());
                    titles.getCell(column).setCellStyle(vietnamese);
                    fields.createCell(column).setCellValue(of.header());
                    fields.getCell(column).setCellStyle(english);
                    sheet.setColumnWidth(column, 256 * Math.min(MAX_COLUMN_WIDTH,
                            2 + Math.max(of.header().length(), of.vietnamese().length())));
                    if (of.kind().typedAsText()) {
                        sheet.setDefaultColumnStyle(column, text);
                    }
                    if (!of.kind().choices.isEmpty()) {
                        dropDown(sheet, part, column, of.kind().choices);
                    }
                }
                sheet.createFreezePane(0, RosterSheet.FIRST_DATA_ROW - 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook book, boolean vietnamese) {
        Font font = book.createFont();
        font.setBold(vietnamese);
        font.setItalic(!vietnamese);
        if (!vietnamese) {
            font.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        }
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setWrapText(vietnamese);
        return style;
    }

    /** A list to choose from on every data row the reader takes; anything else typed is refused by the spreadsheet. */
    private static void dropDown(Sheet sheet, RosterSheet part, int column, List<String> choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int first = RosterSheet.FIRST_DATA_ROW - 1;
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(first, first + part.maxRows - 1, column, column));
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("Giá trị không hợp lệ / Not allowed", "Chọn / choose: " + String.join(", ", choices));
        validation.setShowErrorBox(true);
        // XSSF shows the list's arrow when "suppressed": its flag is written to OOXML's inverted showDropDown
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }
}
