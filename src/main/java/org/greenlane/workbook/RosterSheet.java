package org.greenlane.workbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.greenlane.application.ApplicationDocument;

/**
 * The workbook's sheets and columns, from which the template is made and by which an upload is read: one description,
 * so the two cannot drift apart. Row 1 holds the Vietnamese headers, row 2 the English ones (each the field's path in
 * the JSON document, relative to the row's object), data starts on row 3.
 */
enum RosterSheet {

    ENTERPRISE("Enterprise", 1,
            new Column("taxCode", "Mã số thuế", "enterprise.taxCode", Kind.CODE),
            new Column("name", "Tên doanh nghiệp", "enterprise.name", Kind.TEXT),
            new Column("industrialPark", "Khu công nghiệp", "enterprise.industrialPark", Kind.TEXT),
            new Column("address", "Địa chỉ", "enterprise.address", Kind.TEXT),
            new Column("sector", "Ngành nghề", "enterprise.sector", Kind.TEXT),
            new Column("plannedRestartDate", "Ngày dự kiến hoạt động trở lại (dd/MM/yyyy)", "plannedRestartDate",
                    Kind.DATE)),
    WORKERS("Workers", ApplicationDocument.MAX_WORKERS,
            new Column("citizenId", "Số CCCD/CMND", Kind.CODE),
            new Column("fullName", "Họ và tên", Kind.TEXT),
            new Column("residence.district", "Nơi ở: huyện, thành phố", Kind.TEXT),
            new Column("residence.commune", "Nơi ở: xã, phường, thị trấn", Kind.TEXT),
            new Column("vaccinationDoses", "Số mũi vắc-xin đã tiêm", Kind.INTEGER),
            new Column("closeContactSince", "Là F1 (tiếp xúc gần) từ ngày (dd/MM/yyyy)", Kind.DATE),
            new Column("accommodationId", "Mã nơi lưu trú (trang Accommodations)", Kind.TEXT),
            new Column("shuttleId", "Mã xe đưa đón (trang Shuttles)", Kind.TEXT)),
    ACCOMMODATIONS("Accommodations", ApplicationDocument.MAX_WORKERS,
            new Column("id", "Mã nơi lưu trú", Kind.TEXT),
            new Column("name", "Tên nơi lưu trú", Kind.TEXT),
            new Column("address", "Địa chỉ", Kind.TEXT),
            new Column("capacity", "Sức chứa (người)", Kind.INTEGER)),
    SHUTTLES("Shuttles", ApplicationDocument.MAX_WORKERS,
            new Column("id", "Mã xe", Kind.TEXT),
            new Column("plate", "Biển số", Kind.TEXT),
            new Column("seats", "Số chỗ ngồi", Kind.INTEGER),
            new Column("driver.citizenId", "Lái xe: số CCCD/CMND", Kind.CODE),
            new Column("driver.fullName", "Lái xe: họ và tên", Kind.TEXT),
            new Column("driver.vaccinationDoses", "Lái xe: số mũi vắc-xin đã tiêm", Kind.INTEGER)),
    TESTS("Tests", RosterSheet.MAX_TESTS,
            new Column("citizenId", "Số CCCD/CMND của người lao động hoặc lái xe", Kind.CODE),
            new Column("type", "Loại xét nghiệm", Kind.TEST_TYPE),
            new Column("sampledAt", "Thời điểm lấy mẫu (dd/MM/yyyy HH:mm, giờ Việt Nam)", Kind.DATE_TIME),
            new Column("result", "Kết quả", Kind.TEST_RESULT)),
    MEDICAL_PLAN("MedicalPlan", 1,
            new Column("medicalStaff", "Số nhân viên y tế", Kind.INTEGER),
            new Column("isolationRoom", "Có phòng cách ly tạm (TRUE/FALSE)", Kind.BOOLEAN),
            new Column("bufferZone", "Có khu đệm (TRUE/FALSE)", Kind.BOOLEAN),
            new Column("infectionResponsePlan", "Phương án xử lý khi có ca nhiễm", Kind.TEXT),
            new Column("contactPhone", "Số điện thoại liên hệ", Kind.CODE));

    /** Five tests for each worker of the largest roster: more than the JSON route's 16 MB could carry beside them. */
    static final int MAX_TESTS = 5 * ApplicationDocument.MAX_WORKERS;
    /** Rows 1 and 2 are the headers. */
    static final int FIRST_DATA_ROW = 3;

    final String title;
    /** The most data rows read: a list sheet stops at the longest list an application may carry. */
    final int maxRows;
    final List<Column> columns;

    RosterSheet(String title, int maxRows, Column... columns) {
        this.title = title;
        this.maxRows = maxRows;
        this.columns = List.of(columns);
    }

    static Optional<RosterSheet> titled(String title) {
        return Arrays.stream(values()).filter(sheet -> sheet.title.equals(title)).findFirst();
    }

    /** The column holding this path of the row's object, or -1. */
    int columnOf(String path) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    int columnHeaded(String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(title + " has no column " + header);
    }

    /**
     * One column: its English header, its Vietnamese one, the path of its field in the row's object (the header
     * itself but on the Enterprise sheet, whose row is the application) and what a cell of it holds.
     */
    record Column(String header, String vietnamese, String path, Kind kind) {

        Column(String header, String vietnamese, Kind kind) {
            this(header, vietnamese, header, kind);
        }
    }

    /** What a column's cells hold. */
    enum Kind {
        TEXT,
        /** Digits with a meaning, such as an id or a phone number: text, or Excel drops the leading zeros. */
        CODE,
        INTEGER,
        BOOLEAN(List.of("TRUE", "FALSE")),
        DATE,
        /** A moment with its time of day; typed, it is taken in the province's time zone. */
        DATE_TIME,
        TEST_TYPE(names(ApplicationDocument.TestType.values())),
        TEST_RESULT(names(ApplicationDocument.TestResult.values()));

        /** The values of the column's drop-down list, if it has one. */
        final List<String> choices;

        Kind() {
            this(List.of());
        }

        Kind(List<String> choices) {
            this.choices = choices;
        }

        /** Typed in a cell formatted as text, it stays as typed: no leading zero lost, no date read month first. */
        boolean typedAsText() {
            return this == TEXT || this == CODE || this == DATE || this == DATE_TIME;
        }

        private static List<String> names(Enum<?>[] constants) {
            return Arrays.stream(constants).map(Enum::name).toList();
        }
    }
}
