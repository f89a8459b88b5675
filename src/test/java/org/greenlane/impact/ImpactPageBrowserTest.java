package org.greenlane.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.test;
import static org.greenlane.screening.TestChanges.tests;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.greenlane.HeadlessChromium;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationDocument.TestResult;
import org.greenlane.application.ApplicationDocument.TestType;
import org.greenlane.rules.TestRuleFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * /rules/impact in headless Chromium: a rule author logs in, previews a draft that closes a park and shortens the
 * PCR window, or an earlier version, and reads the API's figures for it in Vietnamese and in English, and downloads
 * its CSVs; a wrong password is refused, and repeated ones are asked to wait.
 */
class ImpactPageBrowserTest extends ImpactContext {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @LocalServerPort
    int port;
    @TempDir
    Path drafts;

    private WebDriver browser;
    private WebDriverWait wait;
    /** Permits this test issued, by id: ImpactTest counts Quang Châu's permits in the same database. */
    private final Map<String, ApplicationDocument> permits = new LinkedHashMap<>();
    /** The version active before a test activated another; null when it activated none. */
    private Integer versionBefore;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void quitBrowserRevokeThePermitsAndRollBack() {
        browser.quit();
        permits.forEach((id, document) -> {
            // an infection case suspends the permit, and the health group revokes it: nothing of it stays live
            reportCase(http.withBasicAuth("health1", PASSWORD), id, document.workers().get(0).citizenId(),
                    "ImpactPageBrowserTest");
            awaitStatus(id, "SUSPENDED");
            decide(id, "health", "REVOKE", "ImpactPageBrowserTest");
            awaitStatus(id, "REVOKED");
        });
        if (versionBefore != null) {
            http.withBasicAuth(RULE_AUTHOR, PASSWORD).postForEntity("/api/rules/versions/{v}/activate?comment=back",
                    null, String.class, versionBefore);
            awaitRescreened();
        }
    }

    @Test
    void aRuleAuthorSeesTheApisFiguresForADraftAndTheMostAffectedApplication() throws IOException {
        // given a permit in Quang Châu, three of whose four workers were tested 60 hours ago, under a name with
        // markup, and an application under review in Vân Trung
        String markup = "Công ty <img src=x onerror=\"window.pwned=1\"> Bắc Giang";
        ApplicationDocument document = enterprise(11, markup, "Quang Châu", workers(TestApplications.clean(4),
                w -> tests(w, test(TestType.PCR, TestResult.NEGATIVE, 60)), 0, 1, 2));
        String permit = approve(document);
        permits.put(permit, document);
        submitForReview(enterprise(12, "Vân Trung", TestApplications.clean(2)));
        // and a draft of two tables: Quang Châu closed, and a PCR window of 48 hours instead of 72
        Map<String, byte[]> draft = new LinkedHashMap<>();
        draft.put(PARKS, TestRuleFolders.shippedTable(PARKS, TestRuleFolders.parkStatus("Quang Châu", "CLOSED")));
        draft.put(WORKERS, TestRuleFolders.shippedTable(WORKERS, cell(9, 2, 48)));
        JsonNode expected = preview(draft);
        JsonNode first = expected.at("/applications/0");
        assertThat(first.get("id").asText()).as("the most affected first").isEqualTo(permit);
        assertThat(first.get("losing")).hasSize(3);

        // when the rule author logs in on the page and previews the draft's files
        open();
        logIn(RULE_AUTHOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare")));
        browser.findElement(By.id("files")).sendKeys(draft.keySet().stream().map(name -> write(name, draft.get(name)))
                .collect(Collectors.joining("\n")));
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));

        // then the province's totals and each park's are the API's, as Vietnamese writes them
        JsonNode province = expected.get("province");
        assertThat(text("#eligible")).isEqualTo(beforeAfter(province, "eligible", VI));
        assertThat(text("#losing")).isEqualTo(number(province.get("workersLosing"), VI));
        assertThat(text("#gaining")).isEqualTo(number(province.get("workersGaining"), VI));
        assertThat(text("#approved")).isEqualTo(beforeAfter(province, "approved", VI));
        assertThat(text("#approved-drop")).isEqualTo(NumberFormat.getIntegerInstance(VI).format(
                province.get("approvedBefore").asInt() - province.get("approvedAfter").asInt()));
        assertThat(text("#affected")).isEqualTo(number(province.get("enterprisesAffected"), VI) + " / "
                + number(province.get("enterprises"), VI));
        assertThat(text("#new-blockers")).isEqualTo(number(province.get("newBlockers"), VI));
        assertThat(text("#suspensions")).isEqualTo(number(province.get("suspensions"), VI));
        assertThat(province.get("suspensions").asInt()).isPositive();
        assertThat(rows("#parks")).containsExactlyElementsOf(StreamSupport.stream(expected.get("parks").spliterator(),
                false).map(park -> parkRow(park, VI)).toList());
        assertThat(text("#summary")).contains(expected.get("compared").asText(), expected.get("active").asText(),
                "09:00 20/06/2021");
        // and the most affected application comes first, its name as it was typed and its markup never run
        assertThat(rows("#applications").get(0)).containsExactly(markup, "Quang Châu", "Đã cấp phép",
                beforeAfter(first, "eligible", VI), beforeAfter(first, "approved", VI), "A-PARK-CLOSED",
                "Sẽ bị tạm dừng");
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.images).every(image => image.complete)"));
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");

        // when it is opened
        browser.findElement(By.cssSelector("#applications tbody tr:first-child button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));

        // then its workers who lose eligibility and its findings show, with the Vietnamese messages
        assertThat(text("#detail-title")).startsWith(markup + " — Quang Châu");
        assertThat(rows("#workers-losing")).containsExactlyElementsOf(StreamSupport.stream(
                first.get("losing").spliterator(), false).map(worker -> List.of(worker.get("citizenId").asText(),
                worker.get("fullName").asText(), "", "W-NO-RECENT-PCR")).toList());
        assertThat(rows("#workers-gaining")).containsExactly(List.of("Không có"));
        assertThat(rows("#findings-added")).extracting(row -> row.get(0) + " " + row.get(4))
                .containsExactlyElementsOf(findings(first.get("findingsAdded"), "messageVi"));
        JsonNode closed = finding(first.get("findingsAdded"), "A-PARK-CLOSED");
        assertThat(rows("#findings-added")).contains(List.of("A-PARK-CLOSED", "Chặn", "Lao động",
                closed.get("subject").asText(), closed.get("messageVi").asText()));
        HeadlessChromium.screenshot(browser, "rules-impact-vi.png");

        // and in English, its texts, numbers, dates and messages are English
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "A rule change's impact"));
        assertThat(rows("#applications").get(0)).containsExactly(markup, "Quang Châu", "Approved",
                beforeAfter(first, "eligible", Locale.US), beforeAfter(first, "approved", Locale.US), "A-PARK-CLOSED",
                "Would be suspended");
        assertThat(text("#summary").replace('\u202f', ' ')).contains("Jun 20, 2021, 9:00 AM");
        assertThat(rows("#findings-added")).extracting(row -> row.get(0) + " " + row.get(4))
                .containsExactlyElementsOf(findings(first.get("findingsAdded"), "messageEn"));
        assertThat(text("#workers-gaining tbody")).isEqualTo("None");
        HeadlessChromium.screenshot(browser, "rules-impact-en.png");

        // and the two downloads are the API's CSV for the same draft
        assertThat(download("csv-applications")).containsExactly("greenlane-impact-applications.csv",
                csv(draft, ""));
        assertThat(download("csv-workers")).containsExactly("greenlane-impact-workers.csv",
                csv(draft, "?level=workers"));
    }

    @Test
    void anEarlierVersionPickedFromTheListIsComparedWithTheActiveOne() {
        // given an application under review two of whose four workers live in Tân Mỹ, and a set that locks Tân Mỹ
        // down made active
        ApplicationDocument document = enterprise(13, "Vân Trung", workers(TestApplications.clean(4),
                w -> residence(w, "TP Bắc Giang", "Tân Mỹ"), 2, 3));
        String id = submitForReview(document);
        versionBefore = activeVersion();
        int active = activate(COMMUNES, TestRuleFolders.shippedTable(COMMUNES, lockdown("TP Bắc Giang", "Tân Mỹ")));
        awaitRescreened();
        JsonNode expected = http.withBasicAuth(RULE_AUTHOR, PASSWORD).postForObject("/api/rules/impact?version={v}",
                null, JsonNode.class, versionBefore);
        JsonNode first = expected.at("/applications/0");
        assertThat(first.get("id").asText()).as("the only one affected").isEqualTo(id);

        // when the rule author picks the earlier version from the page's list, which leaves out the active one
        open();
        logIn(RULE_AUTHOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare")));
        Select versions = new Select(browser.findElement(By.id("version")));
        assertThat(versions.getOptions()).extracting(option -> option.getDomProperty("value"))
                .contains(String.valueOf(versionBefore)).doesNotContain(String.valueOf(active));
        browser.findElement(By.cssSelector("input[name=what][value=version]")).click();
        versions.selectByValue(String.valueOf(versionBefore));
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        browser.findElement(By.cssSelector("#applications tbody tr:first-child button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));

        // then it is compared with the active set, and the two residents would be eligible again, as the API says
        assertThat(text("#summary")).startsWith("So sánh v" + versionBefore + " với bộ quy tắc đang áp dụng v"
                + active + ";");
        assertThat(text("#gaining")).isEqualTo(number(expected.at("/province/workersGaining"), VI));
        assertThat(rows("#applications")).hasSize(1);
        assertThat(rows("#applications").get(0).get(0)).isEqualTo(document.enterprise().name());
        assertThat(rows("#workers-gaining")).containsExactly(
                List.of(document.workers().get(2).citizenId(), document.workers().get(2).fullName(),
                        "W-LOCKDOWN-RESIDENCE", ""),
                List.of(document.workers().get(3).citizenId(), document.workers().get(3).fullName(),
                        "W-LOCKDOWN-RESIDENCE", ""));
        assertThat(rows("#findings-removed")).extracting(row -> row.get(0) + " " + row.get(4))
                .containsExactlyElementsOf(findings(first.get("findingsRemoved"), "messageVi"));
    }

    @Test
    void aWrongPasswordShowsTheServersRefusalAndRepeatedOnesAskToWait() throws IOException {
        // given what the server answers a wrong password
        String refusal = http.withBasicAuth(RULE_AUTHOR, "wrong").getForEntity("/api/rules", JsonNode.class)
                .getBody().get("detail").asText();

        // when the rule author logs in with a wrong password, one with Vietnamese letters
        open();
        logIn(RULE_AUTHOR, "mật-khẩu-sai");

        // then the page says so with the server's words, and shows nothing else
        assertThat(text("#login-error")).contains("Sai tên đăng nhập hoặc mật khẩu.", refusal);
        assertThat(browser.findElement(By.id("compare")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "rules-impact-refused.png");

        // when someone keeps guessing a password (a user of its own: the test clock never lets the wait run out)
        for (int attempt = 1; attempt <= 5; attempt++) {
            logIn("author-guessing", "guess-" + attempt);
            assertThat(text("#login-error")).startsWith("Sai tên đăng nhập hoặc mật khẩu.");
        }
        logIn("author-guessing", "guess-6");

        // then the login throttle's 429 asks to wait, in either language
        assertThat(text("#login-error")).startsWith("Đăng nhập sai quá nhiều lần: hãy chờ 1 giây rồi thử lại.");
        browser.findElement(By.id("lang-en")).click();
        assertThat(text("#login-error")).startsWith("Too many wrong passwords: wait 1 s, then try again.");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void open() {
        browser.get("http://localhost:" + port + "/rules/impact");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    }

    /** Logs in on the page and waits for its answer: the compare section, or a message under the form. */
    private void logIn(String user, String password) {
        WebElement userField = browser.findElement(By.id("user"));
        userField.clear();
        userField.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("log-in")).click();
        wait.until(driver -> driver.findElement(By.id("compare")).isDisplayed()
                || !driver.findElement(By.id("login-error")).getText().isEmpty());
    }

    private String write(String name, byte[] content) {
        try {
            return Files.write(drafts.resolve(name), content).toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String selector) {
        return HeadlessChromium.text(browser, selector);
    }

    private List<List<String>> rows(String table) {
        return HeadlessChromium.rows(browser, table);
    }

    /** The file the button saves, name and text, taken where the page hands it to the browser's download. */
    @SuppressWarnings("unchecked")
    private List<String> download(String button) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.saved = null; HTMLAnchorElement.prototype.click = function () { "
                + "window.saved = { name: this.download, href: this.href }; };");
        browser.findElement(By.id(button)).click();
        wait.until(driver -> script.executeScript("return window.saved") != null);
        return (List<String>) script.executeAsyncScript("const done = arguments[arguments.length - 1]; "
                + "fetch(window.saved.href).then(r => r.arrayBuffer()).then(bytes => done([window.saved.name, "
                + "new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)]));"); // the byte order mark kept
    }

    private String csv(Map<String, byte[]> draft, String query) {
        return http.withBasicAuth(RULE_AUTHOR, PASSWORD).postForObject("/api/rules/impact" + query,
                multipart(draft, MediaType.valueOf("text/csv")), String.class);
    }

    private static List<String> parkRow(JsonNode park, Locale locale) {
        JsonNode totals = park.get("totals");
        return List.of(park.get("name").asText(), number(totals.get("enterprisesAffected"), locale) + " / "
                        + number(totals.get("enterprises"), locale), beforeAfter(totals, "eligible", locale),
                number(totals.get("workersLosing"), locale), number(totals.get("workersGaining"), locale),
                beforeAfter(totals, "approved", locale), number(totals.get("newBlockers"), locale),
                number(totals.get("suspensions"), locale));
    }

    private static String beforeAfter(JsonNode figures, String name, Locale locale) {
        return number(figures.get(name + "Before"), locale) + " → " + number(figures.get(name + "After"), locale);
    }

    private static String number(JsonNode value, Locale locale) {
        return value == null || value.isNull() ? "—" : NumberFormat.getIntegerInstance(locale).format(value.asInt());
    }

    private static List<String> findings(JsonNode findings, String message) {
        return StreamSupport.stream(findings.spliterator(), false)
                .map(finding -> finding.get("code").asText() + " " + finding.get(message).asText()).toList();
    }

    private static JsonNode finding(JsonNode findings, String code) {
        return StreamSupport.stream(findings.spliterator(), false)
                .filter(finding -> finding.get("code").asText().equals(code)).findFirst().orElseThrow();
    }
}
