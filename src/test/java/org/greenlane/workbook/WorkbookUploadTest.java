package org.greenlane.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.TestApplications.VIETNAM;
import static org.greenlane.TestApplications.clean;
import static org.greenlane.workbook.TestWorkbooks.cell;
import static org.greenlane.workbook.TestWorkbooks.dateStyle;
import static org.greenlane.workbook.TestWorkbooks.edited;
import static org.greenlane.workbook.TestWorkbooks.filled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Cell;
import org.camunda.bpm.engine.RuntimeService;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationDocument.Driver;
import org.greenlane.application.ApplicationDocument.MedicalPlan;
import org.greenlane.application.ApplicationDocument.Shuttle;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.application.ApplicationDocument.Worker;
import org.greenlane.application.ApplicationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The filled template in place of JSON, over HTTP: the same application, validation, idempotency and answer as the
 * JSON route; every problem told at its sheet and cell, and nothing stored while there is one.
 */
class WorkbookUploadTest extends IntegrationTest {

    private static final MediaType XLSX = MediaType.parseMediaType(WorkbookApplication.MEDIA_TYPE);

    @Autowired
    ApplicationStore applications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private List<Long> before;

    @BeforeEach
    void countWhatIsStored() {
        before = stored();
    }

    @Test
    void aFilledTemplateIsTheSameApplicationAsItsJson() {
        // given an application with every kind of field, submitted as JSON with an Idempotency-Key
        ApplicationDocument application = everyKindOfField();
        String key = UUID.randomUUID().toString();
        String fromJson = id(http.postForEntity("/api/applications", jsonWithKey(application, key), String.class));

        // when the filled template of the same application comes with the same key, and without one, and as a
        // program's export
        ResponseEntity<String> replayed = upload(filled(application), key);
        ResponseEntity<String> fresh = upload(filled(application));
        ResponseEntity<String> exported = upload(TestWorkbooks.exported(application));

        // then the key finds the JSON's application, whose stored document is the workbook's byte for byte,
        // and the new ones store the same document, with the same answer
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(replayed)).isEqualTo(fromJson);
        String fromWorkbook = id(fresh);
        assertThat(fresh.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(fresh.getHeaders().getLocation()).hasToString("/api/applications/" + fromWorkbook);
        assertThat(applications.document(fromWorkbook)).isEqualTo(applications.document(fromJson))
                .isEqualTo(applications.document(id(exported)))
                .isEqualTo(json.convertValue(application, ApplicationDocument.class));
        assertThat(status(fromWorkbook).get("status").asText()).isEqualTo(status(fromJson).get("status").asText());
    }

    @Test
    void errorsInThreeSheetsAreAllToldAtTheirCellsAndNothingIsStored() {
        // given the filled template with the slips of an enterprise on three sheets
        byte[] workbook = edited(filled(clean(3)), book -> {
            cell(book, "Workers!A3").setCellValue("02419000");
            cell(book, "Tests!A3").setCellValue("02419000");
            cell(book, "Workers!G4").setCellValue("KTX-9");
            cell(book, "Workers!F5").setCellValue("31/06/2021");
            cell(book, "Accommodations!D3").setCellValue("nhiều");
            cell(book, "Tests!C4").setCellValue("hôm qua");
            cell(book, "Tests!D5").setCellValue("MAYBE");
            cell(book, "Tests!A7").setCellValue("024188888888");
            cell(book, "Tests!B7").setCellValue("PCR");
            cell(book, "Tests!C7").setCellValue("19/06/2021 09:00");
            cell(book, "Tests!D7").setCellValue("NEGATIVE");
        });

        // when it is uploaded
        JsonNode problem = problem(upload(workbook), HttpStatus.BAD_REQUEST);

        // then every slip is told at its cell, what the reading found with what the validator found, in one answer
        Map<String, String> errors = errors(problem);
        assertThat(errors).containsOnlyKeys("Workers!A3", "Workers!G4", "Workers!F5", "Accommodations!D3",
                "Tests!C4", "Tests!D5", "Tests!A7");
        assertThat(errors.get("Workers!A3")).isEqualTo("citizenId must be a citizen id of 9 or 12 digits");
        assertThat(errors.get("Workers!G4")).isEqualTo("accommodationId refers to no accommodation of this "
                + "application: KTX-9");
        assertThat(errors.get("Workers!F5")).startsWith("closeContactSince is not a date of the calendar (31/06/2021)");
        assertThat(errors.get("Accommodations!D3")).isEqualTo("capacity is not a whole number (nhiều)");
        assertThat(errors.get("Tests!C4")).startsWith("sampledAt is not a date and time (hôm qua)");
        assertThat(errors.get("Tests!D5")).isEqualTo("result is not one of [NEGATIVE, POSITIVE] (MAYBE)");
        assertThat(errors.get("Tests!A7")).isEqualTo("citizenId names no worker and no driver of this workbook "
                + "(024188888888)");
        assertThat(problem.get("detail").asText()).startsWith("Workers!A3 citizenId must be");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void datesAreReadDayFirstAsTypedAsDateCellsAndAsIso() {
        // given tests sampled at 09:00 on 19 June 2021 in Bắc Giang, written in three ways, and close contacts since
        // 5 June typed day first and as a date cell
        byte[] workbook = edited(filled(clean(3)), book -> {
            cell(book, "Tests!C3").setCellValue("19/06/2021 09:00");
            Cell dateCell = cell(book, "Tests!C4");
            dateCell.setCellValue(LocalDateTime.of(2021, 6, 19, 9, 0));
            dateCell.setCellStyle(dateStyle(book, "dd/mm/yyyy hh:mm"));
            cell(book, "Tests!C5").setCellValue("2021-06-19T02:00:00Z");
            cell(book, "Workers!F3").setCellValue("05/06/2021");
            Cell contact = cell(book, "Workers!F4");
            contact.setCellValue(LocalDate.of(2021, 6, 5));
            contact.setCellStyle(dateStyle(book, "d/m/yyyy"));
            cell(book, "Enterprise!F3").setCellValue("25/06/2021");
        });

        // when it is uploaded
        String id = id(upload(workbook));

        // then each is the moment and the day meant
        ApplicationDocument stored = applications.document(id);
        Instant sampled = OffsetDateTime.of(2021, 6, 19, 9, 0, 0, 0, VIETNAM).toInstant();
        assertThat(stored.workers()).extracting(worker -> worker.tests().get(0).sampledAt().toInstant())
                .containsOnly(sampled);
        assertThat(stored.workers()).extracting(Worker::closeContactSince)
                .containsExactly(LocalDate.of(2021, 6, 5), LocalDate.of(2021, 6, 5), null);
        assertThat(stored.plannedRestartDate()).isEqualTo(LocalDate.of(2021, 6, 25));
    }

    @Test
    void ambiguousOrImpossibleDatesAndIdsThatLostTheirZeroAreRefusedAtTheirCells() {
        // given dates a reader would have to guess, and a citizen id Excel took for a number
        byte[] workbook = edited(filled(clean(3)), book -> {
            cell(book, "Enterprise!F3").setCellValue("25/06/21");
            cell(book, "Workers!F3").setCellValue("06/19/2021");
            cell(book, "Workers!A4").setCellValue(24100000002d);
            cell(book, "Tests!A4").setCellValue(24100000002d);
            cell(book, "Tests!C3").setCellValue("19/06/2021");
            Cell withoutTime = cell(book, "Tests!C5");
            withoutTime.setCellValue(LocalDate.of(2021, 6, 19));
            withoutTime.setCellStyle(dateStyle(book, "dd/mm/yyyy"));
            cell(book, "Tests!C6").setCellValue("19/06/2021 24:30");
        });

        // when it is uploaded
        JsonNode problem = problem(upload(workbook), HttpStatus.BAD_REQUEST);

        // then each is refused at its cell, saying why, and nothing is stored
        Map<String, String> errors = errors(problem);
        assertThat(errors).containsOnlyKeys("Enterprise!F3", "Workers!F3", "Workers!A4", "Tests!A4", "Tests!C3",
                "Tests!C5", "Tests!C6");
        assertThat(errors.get("Enterprise!F3")).startsWith("plannedRestartDate has a year of 2 digits");
        assertThat(errors.get("Workers!F3")).contains("the day comes first");
        assertThat(errors.get("Workers!A4")).startsWith("citizenId is a number cell, which drops leading zeros "
                + "(24100000002)");
        assertThat(errors.get("Tests!C3")).startsWith("sampledAt has a date but no time of day (19/06/2021)");
        assertThat(errors.get("Tests!C5")).startsWith("sampledAt has a date but no time of day");
        assertThat(errors.get("Tests!C6")).startsWith("sampledAt is not a time of day");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aWorkbookNotShapedLikeTheTemplateIsToldWhereItDiffers() throws IOException {
        // given a workbook without its shuttles and with a column renamed and one added, a file that is no zip,
        // a zip that is no workbook, and no file at all
        byte[] reshaped = edited(filled(clean(2)), book -> {
            book.removeSheetAt(book.getSheetIndex("Shuttles"));
            cell(book, "Workers!E2").setCellValue("doses");
            cell(book, "Workers!I2").setCellValue("notes");
        });

        // when each is uploaded
        JsonNode shape = problem(upload(reshaped), HttpStatus.BAD_REQUEST);
        JsonNode notAZip = problem(upload("{\"workers\": []}".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST);
        JsonNode notAWorkbook = problem(upload(zipOf("roster.csv", "citizenId;fullName")), HttpStatus.BAD_REQUEST);
        JsonNode nothing = problem(upload(new byte[0]), HttpStatus.BAD_REQUEST);

        // then each difference is told where it is, and nothing is stored
        Map<String, String> errors = errors(shape);
        assertThat(errors).containsOnlyKeys("Shuttles", "Workers!E2", "Workers!I2");
        assertThat(errors.get("Shuttles")).startsWith("is missing");
        assertThat(errors.get("Workers!E2")).contains("vaccinationDoses", "not doses");
        assertThat(errors.get("Workers!I2")).isEqualTo("is not a column of the template (notes)");
        assertThat(errors(notAZip).get(WorkbookApplication.WHOLE)).startsWith("is not an .xlsx workbook");
        assertThat(errors(notAWorkbook).get(WorkbookApplication.WHOLE)).startsWith("is not a readable .xlsx workbook");
        assertThat(errors(nothing).get(WorkbookApplication.WHOLE)).startsWith("is missing");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theBlankTemplateIsRefusedCellByCell() {
        // given the template as downloaded
        byte[] blank = TestWorkbooks.template();

        // when it is uploaded
        JsonNode problem = problem(upload(blank), HttpStatus.BAD_REQUEST);

        // then what the validator finds is told at the cells the enterprise must fill, in the workbook's order
        Map<String, String> errors = errors(problem);
        assertThat(errors.get("Enterprise!A3")).isEqualTo("taxCode must not be blank");
        assertThat(errors.get("Workers")).isEqualTo("workers size must be between 1 and 20000");
        assertThat(errors.get("MedicalPlan!E3")).isEqualTo("contactPhone must not be blank");
        assertThat(problem.get("detail").asText()).startsWith("Enterprise!A3 taxCode must not be blank; Enterprise!B3");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCorrectionMayComeAsAWorkbookButNotMoveTheApplication() {
        // given an application blocked by an unknown industrial park
        ApplicationDocument blocked = TestApplications.inPark(clean(2), "KCN Mặt Trăng");
        String id = id(http.postForEntity("/api/applications", blocked, String.class));
        awaitStatus(id, "NEEDS_CORRECTION");

        // when its correction comes as a workbook naming another enterprise, then naming the right park
        JsonNode moved = problem(correct(id, edited(filled(clean(2)),
                book -> cell(book, "Enterprise!A3").setCellValue("2400999999"))), HttpStatus.BAD_REQUEST);
        ResponseEntity<String> corrected = correct(id, filled(clean(2)));

        // then the first is refused at the tax code's cell, the second replaces the document
        assertThat(errors(moved).get("Enterprise!A3")).startsWith("taxCode must stay 2400123456");
        assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(applications.document(id).enterprise().industrialPark()).isEqualTo("Quang Châu");
        assertThat(status(id).get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void anotherEnterprisesTaxCodeIsForbiddenAtItsCell() {
        // given a workbook of another enterprise
        byte[] workbook = edited(filled(clean(2)), book -> cell(book, "Enterprise!A3").setCellValue("3900000001"));

        // when the demo enterprise uploads it
        JsonNode problem = problem(upload(workbook), HttpStatus.FORBIDDEN);

        // then it is refused at the tax code's cell
        assertThat(errors(problem).get("Enterprise!A3")).startsWith("taxCode must be your own tax code 2400123456");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyAnEnterpriseSubmitsAWorkbookAndNeverFromAForeignPage() {
        // given a clean workbook
        byte[] workbook = filled(clean(2));
        TestRestTemplate anonymous = anonymous();

        // when nobody, a working group, a foreign page, a form with the file, then the enterprise's own page send it
        ResponseEntity<String> nobody = anonymous.postForEntity("/api/applications", xlsx(workbook), String.class);
        ResponseEntity<String> staff = http.withBasicAuth("health1", PASSWORD).postForEntity("/api/applications",
                xlsx(workbook), String.class);
        HttpHeaders foreign = new HttpHeaders();
        foreign.setOrigin("https://evil.example");
        ResponseEntity<String> foreignPage = http.postForEntity("/api/applications", xlsx(workbook, foreign),
                String.class);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return "roster.xlsx";
            }
        });
        ResponseEntity<String> multipart = http.postForEntity("/api/applications", form, String.class);
        List<Long> afterRefused = stored();
        HttpHeaders own = new HttpHeaders();
        own.setOrigin("http://localhost:" + port);
        own.set("Sec-Fetch-Site", "same-origin");
        ResponseEntity<String> ownPage = http.postForEntity("/api/applications", xlsx(workbook, own), String.class);

        // then only the last is taken: the body is the workbook itself, which no foreign page may send unasked
        problem(nobody, HttpStatus.UNAUTHORIZED);
        problem(staff, HttpStatus.FORBIDDEN);
        problem(foreignPage, HttpStatus.FORBIDDEN);
        assertThat(problem(multipart, HttpStatus.UNSUPPORTED_MEDIA_TYPE).get("detail").asText())
                .contains("multipart/form-data");
        assertThat(afterRefused).isEqualTo(before);
        assertThat(ownPage.getStatusCode()).as(ownPage.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aZipBombOrAnOversizedPartIsRefusedBeforeItIsUnpacked() throws IOException {
        // given the template whose Workers sheet unpacks a thousandfold, and one whose sheet unpacks beyond what
        // the largest roster takes while compressing like any XML
        byte[] bomb = withPart(filled(clean(2)), "xl/worksheets/sheet3.xml", " ".repeat(20 << 20));
        StringBuilder rows = new StringBuilder();
        for (int row = 1; rows.length() <= UploadLimits.MAX_PART_BYTES; row++) {
            rows.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\"><v>")
                    .append((long) row * 7919 % 1_000_003).append("</v></c></row>");
        }
        byte[] oversized = withPart(filled(clean(2)), "xl/worksheets/sheet3.xml", rows.toString());

        // when each is uploaded
        JsonNode bombProblem = problem(upload(bomb), HttpStatus.BAD_REQUEST);
        JsonNode oversizedProblem = problem(upload(oversized), HttpStatus.BAD_REQUEST);

        // then both are refused as a whole, and nothing is stored
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(errors(bombProblem).get(WorkbookApplication.WHOLE)).contains("Zip bomb detected");
        assertThat(oversized.length).isLessThan(16 << 20);
        assertThat(errors(oversizedProblem).get(WorkbookApplication.WHOLE))
                .contains("xl/worksheets/sheet3.xml", "max size");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theLargestRosterIsReadFromAnExportAndOneWorkerMoreIsRefused() {
        // given a program's export of the largest roster an application may carry, and one of a worker more
        byte[] largest = TestWorkbooks.exported(clean(ApplicationDocument.MAX_WORKERS));
        byte[] tooLarge = TestWorkbooks.exported(clean(ApplicationDocument.MAX_WORKERS + 1));

        // when each is uploaded
        ResponseEntity<String> taken = upload(largest);
        JsonNode refused = problem(upload(tooLarge), HttpStatus.BAD_REQUEST);

        // then the first is within the request size limit and stored whole, the second refused at its sheet
        assertThat(largest.length).isLessThan(16 << 20);
        assertThat(applications.document(id(taken)).workers()).hasSize(ApplicationDocument.MAX_WORKERS);
        assertThat(errors(refused).get("Workers")).startsWith("holds more than 20000 rows of data");
    }

    private static ApplicationDocument everyKindOfField() {
        ApplicationDocument clean = clean(3);
        List<Worker> workers = new ArrayList<>(clean.workers());
        Worker contact = workers.get(1);
        workers.set(1, new Worker(contact.citizenId(), "Đặng Thị Hường", contact.residence(), contact.tests(), 0,
                LocalDate.of(2021, 6, 12), null, "XE-1"));
        Worker tested = workers.get(2);
        workers.set(2, TestApplications.withTests(tested, List.of(
                new ApplicationDocument.Test(TestType.RAPID_ANTIGEN, TestApplications.hoursBefore(100),
                        TestResult.POSITIVE),
                new ApplicationDocument.Test(TestType.PCR, TestApplications.hoursBefore(30.5), TestResult.NEGATIVE))));
        Shuttle shuttle = clean.shuttles().get(0);
        Driver driver = shuttle.driver();
        List<Shuttle> shuttles = List.of(new Shuttle(shuttle.id(), shuttle.plate(), shuttle.seats(),
                new Driver(driver.citizenId(), driver.fullName(), List.of(TestApplications.negativePcr(60),
                        TestApplications.negativePcr(12)), driver.vaccinationDoses())));
        MedicalPlan plan = clean.medicalPlan();
        return new ApplicationDocument(clean.enterprise(), clean.plannedRestartDate(), workers,
                clean.accommodations(), shuttles, new MedicalPlan(plan.medicalStaff(), true, false,
                "Bước 1:\tcách ly tại phòng y tế\nBước 2:\tbáo Trung tâm Y tế huyện Việt Yên", plan.contactPhone()));
    }

    /** The workbook with one part replaced, as a crafted upload would have it. */
    private static byte[] withPart(byte[] workbook, String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData>" + content + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(zip);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private ResponseEntity<String> upload(byte[] workbook) {
        return upload(workbook, null);
    }

    private ResponseEntity<String> upload(byte[] workbook, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity("/api/applications", xlsx(workbook, headers), String.class);
    }

    private ResponseEntity<String> correct(String id, byte[] workbook) {
        return http.exchange("/api/applications/" + id, HttpMethod.PUT, xlsx(workbook), String.class);
    }

    private static HttpEntity<byte[]> xlsx(byte[] workbook) {
        return xlsx(workbook, new HttpHeaders());
    }

    private static HttpEntity<byte[]> xlsx(byte[] workbook, HttpHeaders headers) {
        headers.setContentType(XLSX);
        return new HttpEntity<>(workbook, headers);
    }

    private static HttpEntity<ApplicationDocument> jsonWithKey(ApplicationDocument application, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return new HttpEntity<>(application, headers);
    }

    private String id(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(answer.getBody()).get("id").asText();
    }

    private JsonNode problem(ResponseEntity<String> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        return read(answer.getBody());
    }

    /** Each bad field, or cell, and what is wrong with it. */
    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new TreeMap<>();
        problem.path("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** What a refused upload must leave as it was: the applications and the process instances. */
    private List<Long> stored() {
        return List.of(jdbc.sql("select count(*) from application").query(Long.class).single(),
                runtime.createProcessInstanceQuery().count());
    }
}
