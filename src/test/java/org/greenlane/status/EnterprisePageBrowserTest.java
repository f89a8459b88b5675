package org.greenlane.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.twoShuttles;
import static org.greenlane.screening.TestChanges.workers;
import static org.greenlane.workbook.TestWorkbooks.cell;
import static org.greenlane.workbook.TestWorkbooks.edited;
import static org.greenlane.workbook.TestWorkbooks.filled;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.greenlane.HeadlessChromium;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.TestQrCodes;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationDocument.Accommodation;
import org.greenlane.application.ApplicationDocument.Enterprise;
import org.greenlane.workbook.WorkbookApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * /enterprise in headless Chromium, end to end: an enterprise of its own logs in, downloads the template, sends a
 * workbook with mistakes (told at their cells, nothing stored) and a correct one, follows it through the groups'
 * verdicts to the permit, whose QR codes open the checkpoint page, and prints it, in Vietnamese and English; and it
 * corrects an application a group sent back.
 */
class EnterprisePageBrowserTest extends IntegrationTest {

    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(TestApplications.VIETNAM);
    private static final String LOCKDOWN_VI = "Nơi cư trú thuộc xã, phường đang bị phong tỏa.";
    private static final String LOCKDOWN_EN = "Lives in a commune under lockdown.";

    @TempDir
    Path files;

    /** An enterprise of this test's own: the page lists only its applications. */
    private final String taxCode = newTaxCode("38");
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openAnAccountAndStartTheBrowser() throws IOException {
        ResponseEntity<String> created = createEnterprise(taxCode, "Công ty TNHH May Hồng Thái", "Quang Châu");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    /** The status as the enterprise itself reads it. */
    @Override
    protected JsonNode status(String id) {
        return enterprise().getForObject("/api/applications/" + id, JsonNode.class);
    }

    @Test
    void anEnterpriseSendsItsWorkbookFollowsTheVerdictsAndPrintsItsPermit() throws IOException {
        // given the enterprise's application, its name markup, one of its four workers living under lockdown
        String markup = "<img src=x onerror=\"window.pwned=1\"> Công ty TNHH May Hồng Thái";
        ApplicationDocument document = application(markup);
        String refusal = http.withBasicAuth(taxCode, "not-the-password").getForEntity("/api/applications",
                JsonNode.class).getBody().get("detail").asText();

        // when it logs in with a wrong password, one with Vietnamese letters
        open();
        logIn("mật-khẩu-sai");

        // then the page says so with the server's words, and shows nothing else
        assertThat(text("#login-error")).contains("Sai mã số thuế hoặc mật khẩu.", refusal);
        assertThat(browser.findElement(By.id("account")).isDisplayed()).isFalse();

        // when it logs in with its password
        logIn(PASSWORD);

        // then it has no application yet, and the template link gives the API's template
        assertThat(text("#who")).isEqualTo(taxCode);
        assertThat(rows("#applications")).containsExactly(List.of("Không có"));
        assertThat(bytes(browser.findElement(By.id("template")).getDomProperty("href")))
                .isEqualTo(anonymous().getForObject("/api/applications/template.xlsx", byte[].class));

        // when it sends the workbook with mistakes on two sheets
        byte[] mistaken = edited(filled(document), book -> {
            cell(book, "Workers!A3").setCellValue("02419000");
            cell(book, "Accommodations!D3").setCellValue("nhiều");
        });
        send("workbook", "submit", mistaken);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-errors")));
        settled();

        // then each mistake is told at its cell as the API tells it, and nothing is stored
        assertThat(rows("#upload-errors")).containsExactlyElementsOf(errors(mistaken))
                .contains(List.of("Workers!A3", "citizenId must be a citizen id of 9 or 12 digits"),
                        List.of("Accommodations!D3", "capacity is not a whole number (nhiều)"));
        assertThat(text("#upload-message")).startsWith("Máy chủ từ chối (400).");
        assertThat(applications().get("totalElements").asInt()).isZero();
        HeadlessChromium.screenshot(browser, "enterprise-upload-errors.png");

        // when it sends the correct workbook, and then sends it again
        send("workbook", "submit", filled(document));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "Đã nộp: hồ sơ "));
        settled();
        String id = applications().at("/content/0/id").asText();
        assertThat(text("#detail-status")).isEqualTo("Đang thẩm định");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "đã được nộp"));
        settled();

        // then it is one application, under review, its findings and its workers' verdicts the API's
        assertThat(applications().get("totalElements").asInt()).isEqualTo(1);
        assertThat(text("#upload-message")).isEqualTo("Bảng tính này đã được nộp: vẫn là hồ sơ " + id
                + ", không có hồ sơ mới.");
        assertThat(rows("#applications")).containsExactly(List.of(id, "Đang thẩm định", "4", "09:00 20/06/2021",
                "09:00 20/06/2021"));
        JsonNode view = status(id);
        assertThat(text("#detail-title")).isEqualTo(markup + " — Quang Châu");
        assertThat(rows("#findings")).extracting(row -> row.get(0))
                .containsExactlyElementsOf(view.at("/screening/findings").findValuesAsText("code"));
        assertThat(rows("#findings")).contains(List.of("W-LOCKDOWN-RESIDENCE", "Thông tin", "Y tế", "1 workers",
                LOCKDOWN_VI + " (1 người lao động)"));
        assertThat(rows("#workers")).containsExactlyElementsOf(workerRows(id, "Đủ điều kiện", "Không đủ điều kiện",
                LOCKDOWN_VI));
        assertThat(rows("#workers").get(1)).containsExactly(document.workers().get(1).citizenId(),
                document.workers().get(1).fullName(), "Không đủ điều kiện", "W-LOCKDOWN-RESIDENCE: " + LOCKDOWN_VI);
        assertThat(rows("#reviews")).extracting(row -> row.get(0) + " " + row.get(1)).containsExactly(
                "Y tế Chờ thẩm định", "Nhà ở Chờ thẩm định", "Lao động Chờ thẩm định", "Vận chuyển Chờ thẩm định",
                "Ban chỉ đạo Chờ thẩm định");
        assertThat(browser.findElement(By.id("permit")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("correction")).isDisplayed()).isFalse();

        // when the groups approve with their comments, then the committee, and the enterprise refreshes
        decide(id, "health", "APPROVE", "Đủ nhân viên y tế và phòng cách ly");
        decide(id, "housing", "APPROVE", "Ký túc xá đạt yêu cầu");
        decide(id, "labour", "APPROVE", "");
        decide(id, "transport", "APPROVE", "Hai xe đạt yêu cầu");
        awaitStatus(id, "AWAITING_DECISION");
        decide(id, "steering", "APPROVE", "Đồng ý cho hoạt động lại");
        awaitStatus(id, "APPROVED");
        refresh();
        assertThat(text("#detail-status")).isEqualTo("Đã cấp phép");
        awaitQrCodes(3);

        // then each group's verdict and comment shows, with who decided and when, and the timeline is the API's
        view = status(id);
        assertThat(rows("#reviews")).containsExactly(
                review(view.at("/reviews/health"), "Y tế", "Đồng ý"),
                review(view.at("/reviews/housing"), "Nhà ở", "Đồng ý"),
                review(view.at("/reviews/labour"), "Lao động", "Đồng ý"),
                review(view.at("/reviews/transport"), "Vận chuyển", "Đồng ý"),
                review(view.get("steering"), "Ban chỉ đạo", "Đồng ý"));
        assertThat(rows("#reviews").get(0)).containsExactly("Y tế", "Đồng ý", "Đủ nhân viên y tế và phòng cách ly",
                "health1", "09:00 20/06/2021");
        assertThat(rows("#timeline")).hasSize(view.get("timeline").size())
                .contains(List.of("09:00 20/06/2021", "Nộp hồ sơ", taxCode, "4 workers"),
                        List.of("09:00 20/06/2021", "Trạng thái", "system", "Đã cấp phép"));

        // and the permit shows with its QR code and each pass's, fetched with the login and each opening /verify
        JsonNode permit = view.get("permit");
        assertThat(text("#number")).isEqualTo(permit.get("number").asText());
        assertThat(text("#enterprise")).isEqualTo(markup + " (" + taxCode + ")");
        assertThat(browser.findElements(By.cssSelector("#passes .pass strong"))).extracting(WebElement::getText)
                .containsExactly("98B-123.45", "98B-678.90");
        List<String> sources = browser.findElements(By.cssSelector("#permit img.qr")).stream()
                .map(image -> image.getDomProperty("src")).toList();
        assertThat(sources).hasSize(3).allSatisfy(source -> assertThat(source).startsWith("blob:"));
        assertThat(TestQrCodes.decode(bytes(sources.get(0))))
                .isEqualTo(http.getRootUri() + "/verify?t=" + permit.get("token").asText());
        assertThat(TestQrCodes.decode(bytes(sources.get(2))))
                .isEqualTo(http.getRootUri() + "/verify?t=" + permit.at("/shuttlePasses/1/token").asText());
        // and the name's markup stays text everywhere
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");
        HeadlessChromium.screenshot(browser, "enterprise-vi.png");

        // when it prints
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.printed = 0; window.print = () => { window.printed++; };");
        browser.findElement(By.id("print-permit")).click();
        media("print");

        // then the browser is asked to print, and the print holds the permit and its passes alone
        assertThat(script.executeScript("return window.printed")).isEqualTo(1L);
        assertThat(browser.findElement(By.id("permit")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#passes .pass")).isDisplayed()).isTrue();
        for (String other : List.of("header", "#account", "#detail")) {
            assertThat(browser.findElement(By.cssSelector(other)).isDisplayed()).as(other).isFalse();
        }
        HeadlessChromium.screenshot(browser, "enterprise-print.png");
        media("");

        // and in English, the page's words, verdicts, reasons and times are English
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                "An enterprise's restart applications"));
        assertThat(text("#detail-status")).isEqualTo("Approved");
        assertThat(englishRows("#reviews").get(0)).containsExactly("Health", "Approved",
                "Đủ nhân viên y tế và phòng cách ly", "health1", "Jun 20, 2021, 9:00 AM");
        assertThat(englishRows("#reviews").get(4)).containsExactly("Steering committee", "Approved",
                "Đồng ý cho hoạt động lại", "steering1", "Jun 20, 2021, 9:00 AM");
        assertThat(rows("#workers")).containsExactlyElementsOf(workerRows(id, "Eligible", "Not eligible",
                LOCKDOWN_EN));
        assertThat(rows("#findings")).contains(List.of("W-LOCKDOWN-RESIDENCE", "Info", "Health", "1 workers",
                LOCKDOWN_EN + " (1 workers)"));
        JsonNode issued = StreamSupport.stream(view.get("timeline").spliterator(), false)
                .filter(event -> event.get("type").asText().equals("PERMIT_ISSUED")).findFirst().orElseThrow();
        assertThat(englishRows("#timeline")).contains(List.of("Jun 20, 2021, 9:00 AM", "Permit issued",
                issued.get("actor").asText(), issued.get("detail").asText()));
        assertThat(browser.findElement(By.cssSelector("#permit h1")).getText())
                .isEqualTo("Green-lane operating permit");
        assertThat(text("#expires-at").replace('\u202f', ' ')).isEqualTo("Jun 27, 2021, 9:00 AM");
        HeadlessChromium.screenshot(browser, "enterprise-en.png");
    }

    @Test
    void anApplicationAGroupSendsBackIsCorrectedWithAWorkbookFromThePage() throws IOException {
        // given the enterprise's application under review, and the labour group asking for changes
        ApplicationDocument document = application("Công ty TNHH May Hồng Thái");
        open();
        logIn(PASSWORD);
        send("workbook", "submit", filled(document));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-message"), "Đã nộp: hồ sơ "));
        settled();
        String id = applications().at("/content/0/id").asText();
        decide(id, "labour", "REQUEST_CHANGES", "Thiếu danh sách ca làm việc");
        for (String group : List.of("health", "housing", "transport")) {
            decide(id, group, "APPROVE", "");
        }
        awaitStatus(id, "NEEDS_CORRECTION");

        // when the enterprise refreshes
        refresh();
        assertThat(text("#detail-status")).isEqualTo("Cần bổ sung");

        // then it reads the labour group's comment, and may send a correction
        assertThat(rows("#reviews").get(2)).containsExactly("Lao động", "Yêu cầu bổ sung",
                "Thiếu danh sách ca làm việc", "labour1", "09:00 20/06/2021");
        assertThat(browser.findElement(By.id("correction")).isDisplayed()).isTrue();
        HeadlessChromium.screenshot(browser, "enterprise-needs-correction.png");

        // when it sends a correction with a mistake
        ApplicationDocument corrected = TestApplications.withWorkers(document, TestApplications.clean(6).workers());
        byte[] mistaken = edited(filled(corrected), book -> cell(book, "Workers!A5").setCellValue("12"));
        send("corrected", "send-correction", mistaken);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correction-errors")));
        settled();

        // then the mistake is told at its cell and the application still waits for its correction
        assertThat(rows("#correction-errors")).contains(List.of("Workers!A5",
                "citizenId must be a citizen id of 9 or 12 digits"));
        assertThat(status(id).get("revision").asInt()).isEqualTo(1);

        // when it sends the corrected workbook
        send("corrected", "send-correction", filled(corrected));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-message"),
                "Đã nộp bản sửa của hồ sơ " + id));
        settled();
        awaitStatus(id, "UNDER_REVIEW");
        refresh();
        assertThat(text("#detail-status")).isEqualTo("Đang thẩm định");

        // then it is the same application, screened again with its six workers and reviewed afresh
        assertThat(applications().get("totalElements").asInt()).isEqualTo(1);
        assertThat(text("#detail-facts")).contains("lần nộp 2");
        assertThat(rows("#workers")).hasSize(6);
        assertThat(rows("#reviews")).extracting(row -> row.get(1)).containsOnly("Chờ thẩm định");
        assertThat(rows("#timeline")).extracting(row -> row.get(1)).contains("Nộp bản sửa");
        assertThat(browser.findElement(By.id("correction")).isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Four clean workers, the second living in a commune under lockdown; lodging of its own, and two shuttles. */
    private ApplicationDocument application(String name) {
        ApplicationDocument clean = twoShuttles(TestApplications.clean(4));
        var site = clean.accommodations().get(0);
        ApplicationDocument own = new ApplicationDocument(new Enterprise(taxCode, name, "Quang Châu",
                clean.enterprise().address(), clean.enterprise().sector()), clean.plannedRestartDate(),
                clean.workers(), List.of(new Accommodation(site.id(), site.name(),
                "Nhà trọ " + taxCode + ", thôn Đông, xã Hồng Thái, Việt Yên", site.capacity())),
                clean.shuttles(), clean.medicalPlan());
        return workers(own, w -> residence(w, "Việt Yên", "Vân Trung"), 1);
    }

    private TestRestTemplate enterprise() {
        return http.withBasicAuth(taxCode, PASSWORD);
    }

    private JsonNode applications() {
        return enterprise().getForObject("/api/applications", JsonNode.class);
    }

    /** What the API answers the workbook: each problem's cell and message. */
    private List<List<String>> errors(byte[] workbook) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(WorkbookApplication.MEDIA_TYPE));
        JsonNode problem = enterprise().postForObject("/api/applications", new HttpEntity<>(workbook, headers),
                JsonNode.class);
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> List.of(error.get("field").asText(), error.get("message").asText())).toList();
    }

    /** The roster's verdicts as the API gives them, as the page's rows should read. */
    private List<List<String>> workerRows(String id, String eligible, String ineligible, String lockdown) {
        JsonNode roster = enterprise().getForObject("/api/applications/" + id + "/screening", JsonNode.class);
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode worker : roster.get("workers")) {
            boolean ok = worker.get("eligible").asBoolean();
            expected.add(List.of(worker.get("citizenId").asText(), worker.get("fullName").asText(),
                    ok ? eligible : ineligible, ok ? "" : "W-LOCKDOWN-RESIDENCE: " + lockdown));
        }
        return expected;
    }

    private static List<String> review(JsonNode review, String group, String verdict) {
        return List.of(group, verdict, review.path("comment").asText(""), review.get("decidedBy").asText(),
                VI_TIME.format(Instant.parse(review.get("decidedAt").asText())));
    }

    private void open() {
        browser.get(http.getRootUri() + "/enterprise");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Hồ sơ khôi phục sản xuất của doanh nghiệp");
    }

    /** Logs in on the page and waits for its answer: the account section, or a message under the form. */
    private void logIn(String password) {
        WebElement user = browser.findElement(By.id("user"));
        user.clear();
        user.sendKeys(taxCode);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("log-in")).click();
        wait.until(driver -> driver.findElement(By.id("account")).isDisplayed()
                || !driver.findElement(By.id("login-error")).getText().isEmpty());
    }

    /** Chooses the workbook in the file input, as a new choice, and sends it with the button. */
    private void send(String input, String button, byte[] workbook) throws IOException {
        Path file = Files.createTempFile(files, "roster", ".xlsx");
        Files.write(file, workbook);
        browser.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id(button)).click();
    }

    /** Until the page has its answers: a load shows #loading from the click that starts it. */
    private void settled() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("loading")));
    }

    private void refresh() {
        browser.findElement(By.id("refresh")).click();
        settled();
    }

    private void awaitQrCodes(int count) {
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("const images = "
                + "document.querySelectorAll('#permit img.qr'); return images.length === arguments[0] && "
                + "Array.from(images).every(image => image.complete && image.naturalWidth > 0)", count));
    }

    /** What the browser fetches at this address (the page's own login is not sent along). */
    private byte[] bytes(String address) {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = "
                + "arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.blob()).then(blob => { "
                + "const reader = new FileReader(); reader.onload = () => done(reader.result.split(',')[1]); "
                + "reader.readAsDataURL(blob); });", address);
        return Base64.getDecoder().decode(base64);
    }

    private void media(String type) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type));
    }

    private String text(String selector) {
        return HeadlessChromium.text(browser, selector);
    }

    private List<List<String>> rows(String table) {
        return HeadlessChromium.rows(browser, table);
    }

    /** English times may part the hour and AM with a narrow space, as the browser's ICU writes them. */
    private List<List<String>> englishRows(String table) {
        return rows(table).stream().map(row -> row.stream().map(cell -> cell.replace('\u202f', ' ')).toList())
                .toList();
    }
}
