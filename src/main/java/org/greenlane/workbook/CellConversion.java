package org.greenlane.workbook;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.workbook.RosterSheet.Kind;

/**
 * Turns a cell into the value of its column, or says why it cannot. Dates are read as the JSON route reads them (ISO,
 * date-times with their offset) and as a spreadsheet holds them: a date cell, or text typed day first as Vietnam
 * writes it, {@code dd/MM/yyyy} and {@code dd/MM/yyyy HH:mm} (a time of the province's zone).
 */
final class CellConversion {

    private static final Pattern DAY_FIRST =
            Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d+)(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final String DATE_FORMS = "write dd/MM/yyyy, day first, such as 19/06/2021";
    private static final String DATE_TIME_FORMS = "write dd/MM/yyyy HH:mm, day first and in Vietnam's time, such as "
            + "19/06/2021 09:00, or an ISO date-time with its offset";

    private final ZoneId province;
    private final ZoneId jsonZone;
    private final boolean date1904;

    /**
     * @param province the zone a typed time is taken in
     * @param jsonZone the zone the JSON route moves date-times to, so that both routes store the same document;
     *                 null where it keeps their offset
     * @param date1904 the workbook counts its date cells from 1904 (old Excel for Mac), not 1900
     */
    CellConversion(ZoneId province, ZoneId jsonZone, boolean date1904) {
        this.province = province;
        this.jsonZone = jsonZone;
        this.date1904 = date1904;
    }

    /** Why a cell cannot be its column's value, in words that follow its column's header. */
    static final class Unreadable extends Exception {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    Object convert(Kind kind, CellValue cell) throws Unreadable {
        if (cell.type() == CellValue.Type.BLANK) {
            return null;
        }
        if (cell.type() == CellValue.Type.ERROR) {
            throw new Unreadable("is an error of the spreadsheet (" + cell.text() + ")");
        }
        return switch (kind) {
            case TEXT -> text(cell);
            case CODE -> code(cell);
            case INTEGER -> integer(cell);
            case BOOLEAN -> bool(cell);
            case DATE -> date(cell);
            case DATE_TIME -> dateTime(cell);
            case TEST_TYPE -> choice(cell, TestType.class, kind);
            case TEST_RESULT -> choice(cell, TestResult.class, kind);
        };
    }

    /** Spaces around a value are invisible in a cell: they are dropped, and a cell of spaces is blank. */
    private static String text(CellValue cell) {
        String text = switch (cell.type()) {
            case NUMBER -> new BigDecimal(cell.text()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> "1".equals(cell.text()) ? "TRUE" : "FALSE";
            default -> cell.text().strip();
        };
        return text.isEmpty() ? null : text;
    }

    private static String code(CellValue cell) throws Unreadable {
        if (cell.type() == CellValue.Type.NUMBER) {
            throw new Unreadable("is a number cell, which drops leading zeros (" + text(cell)
                    + "): type it as text, as the template's column is formatted");
        }
        return text(cell);
    }

    private static Integer integer(CellValue cell) throws Unreadable {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        if (cell.type() == CellValue.Type.BOOLEAN || !(cell.type() == CellValue.Type.NUMBER
                || WHOLE_NUMBER.matcher(text).matches())) {
            throw new Unreadable("is not a whole number (" + text + ")");
        }
        BigDecimal number = new BigDecimal(text);
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new Unreadable(number.stripTrailingZeros().scale() > 0 ? "is not a whole number (" + text + ")"
                    : "is a number out of range (" + text + ")");
        }
    }

    private static Boolean bool(CellValue cell) throws Unreadable {
        if (cell.type() == CellValue.Type.BOOLEAN) {
            return "1".equals(cell.text());
        }
        String text = text(cell);
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "true", "có", "yes" -> true;
            case "false", "không", "no" -> false;
            default -> throw new Unreadable("is not TRUE or FALSE (" + text + ")");
        };
    }

    private static <E extends Enum<E>> E choice(CellValue cell, Class<E> type, Kind kind) throws Unreadable {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("is not one of " + kind.choices + " (" + text + ")");
        }
    }

    private LocalDate date(CellValue cell) throws Unreadable {
        if (cell.type() == CellValue.Type.NUMBER) {
            return dateCell(cell, DATE_FORMS).toLocalDate();
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.matches()) {
            if (dayFirst.group(4) != null) {
                throw new Unreadable("is a date and time; this column takes a date (" + text + "): " + DATE_FORMS);
            }
            return dayFirst(dayFirst, text);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable("is not a date (" + text + "): " + DATE_FORMS);
        }
    }

    private OffsetDateTime dateTime(CellValue cell) throws Unreadable {
        if (cell.type() == CellValue.Type.NUMBER) {
            LocalDateTime time = dateCell(cell, DATE_TIME_FORMS);
            if (!cell.showsTime() && time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new Unreadable("has a date but no time of day (" + text(cell) + "): " + DATE_TIME_FORMS);
            }
            return asJsonReadsIt(time.atZone(province).toOffsetDateTime());
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.matches()) {
            if (dayFirst.group(4) == null) {
                throw new Unreadable("has a date but no time of day (" + text + "): " + DATE_TIME_FORMS);
            }
            LocalTime time;
            try {
                time = LocalTime.of(Integer.parseInt(dayFirst.group(4)), Integer.parseInt(dayFirst.group(5)),
                        dayFirst.group(6) == null ? 0 : Integer.parseInt(dayFirst.group(6)));
            } catch (DateTimeException e) {
                throw new Unreadable("is not a time of day (" + text + "): " + DATE_TIME_FORMS);
            }
            return asJsonReadsIt(dayFirst(dayFirst, text).atTime(time).atZone(province).toOffsetDateTime());
        }
        try {
            return asJsonReadsIt(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new Unreadable("is not a date and time (" + text + "): " + DATE_TIME_FORMS);
        }
    }

    /** A year of two digits could be 1921 or 2021, and a day beyond its month is a slip: neither is guessed. */
    private static LocalDate dayFirst(Matcher date, String text) throws Unreadable {
        if (date.group(3).length() != 4) {
            throw new Unreadable("has a year of " + date.group(3).length() + " digits (" + text
                    + "): write the year in full, dd/MM/yyyy");
        }
        try {
            return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1)));
        } catch (DateTimeException e) {
            throw new Unreadable("is not a date of the calendar (" + text + "): the day comes first, dd/MM/yyyy");
        }
    }

    /** A number is a date only where its cell shows one; a bare number could mean anything. */
    private LocalDateTime dateCell(CellValue cell, String forms) throws Unreadable {
        double serial = Double.parseDouble(cell.text());
        if (!cell.dateFormatted() || !DateUtil.isValidExcelDate(serial)) {
            throw new Unreadable("is a number, not a date (" + text(cell) + "): " + forms);
        }
        return DateUtil.getLocalDateTime(serial, date1904, true);
    }

    private OffsetDateTime asJsonReadsIt(OffsetDateTime time) {
        return jsonZone == null ? time : time.atZoneSameInstant(jsonZone).toOffsetDateTime();
    }
}
