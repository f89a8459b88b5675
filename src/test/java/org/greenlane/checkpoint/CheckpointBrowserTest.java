package org.greenlane.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.lodging;
import static org.greenlane.screening.TestChanges.twoShuttles;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.greenlane.HeadlessChromium;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.TestQrCodes;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a checkpoint officer's phone and an enterprise's printer show, in headless Chromium. */
class CheckpointBrowserTest extends IntegrationTest {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
        identity.clearAuthentication();
    }

    @Test
    void aShuttlePassScannedFromItsPngIsValidThenSuspendedAfterAnInfectionCase() throws IOException {
        // given an approved application whose shuttle 98B-123.45 carries two of its workers
        ApplicationDocument application = workers(TestApplications.clean(3), w -> lodging(w, null, "XE-1"), 1, 2);
        String id = approve(application);

        // when the pass's QR code, fetched as a PNG by its enterprise, is scanned by a phone
        String passCode = status(id).at("/permit/shuttlePasses/0/qrCode").asText();
        String address = TestQrCodes.decode(http.getForObject(passCode, byte[].class));
        browser.get(address);

        // then the page says VALID in big letters, with the enterprise, its park and the plate
        awaitResult("VALID");
        assertThat(address).startsWith(http.getRootUri() + "/verify?t=");
        assertThat(text("result")).isEqualTo("HỢP LỆ");
        assertThat(text("enterprise")).contains("Công ty TNHH Điện tử Hồng Hải Bắc Giang");
        assertThat(text("park")).isEqualTo("Quang Châu");
        assertThat(text("plate")).isEqualTo("98B-123.45");
        assertThat(text("driver")).isEqualTo("Trần Văn Lái");
        assertThat(text("expires-at")).isEqualTo("09:00 27/06/2021");
        assertThat(browser.findElement(By.id("result")).getCssValue("font-size")).isEqualTo("48px");
        HeadlessChromium.screenshot(browser, "verify-valid.png");

        // when a worker on that shuttle is reported infected, and the officer scans the pass again
        reportCase(id, application.workers().get(1).citizenId());
        browser.navigate().refresh();

        // then the same pass is suspended at once, in either language
        awaitResult("SUSPENDED");
        assertThat(text("result")).isEqualTo("TẠM DỪNG");
        browser.findElement(By.id("lang-en")).click();
        assertThat(text("result")).isEqualTo("SUSPENDED");
        assertThat(text("expires-at")).isEqualTo("Jun 27, 2021, 9:00 AM");
        HeadlessChromium.screenshot(browser, "verify-suspended.png");
    }

    @Test
    void anAlteredTokenReadsForgedAndAnEnterpriseNameOfMarkupStaysText() {
        // given an approved application whose enterprise name is markup (plain text to the API)
        String markup = "<img src=x onerror=\"window.pwned=1\">";
        ApplicationDocument clean = TestApplications.clean(1);
        var e = clean.enterprise();
        String id = approve(new ApplicationDocument(new ApplicationDocument.Enterprise(e.taxCode(), markup,
                e.industrialPark(), e.address(), e.sector()), clean.plannedRestartDate(), clean.workers(),
                clean.accommodations(), clean.shuttles(), clean.medicalPlan()));
        String token = status(id).at("/permit/token").asText();

        // when the permit is checked, and then a copy of it that claims a thousand workers
        browser.get(http.getRootUri() + "/verify?lang=en&t=" + token);
        awaitResult("VALID");
        String shown = text("enterprise");
        boolean ran = !"undefined".equals(((JavascriptExecutor) browser).executeScript("return typeof window.pwned"));
        String[] parts = token.split("\\.");
        String altered = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"approvedWorkers\":1", "\"approvedWorkers\":1000");
        browser.get(http.getRootUri() + "/verify?lang=en&t=" + parts[0] + "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);

        // then the name reads as typed and never ran, and the altered copy is forged, showing none of its claims
        awaitResult("FORGED");
        assertThat(shown).contains(markup);
        assertThat(ran).isFalse();
        assertThat(text("result")).isEqualTo("FORGED");
        assertThat(browser.findElement(By.id("details")).isDisplayed()).isFalse();
    }

    @Test
    void thePrintablePageShowsThePermitAndEveryPassWithTheirQrCodes() throws IOException {
        // given an approved application with two shuttles
        String id = approve(twoShuttles(TestApplications.clean(2)));
        JsonNode permit = status(id).get("permit");

        // when its enterprise opens the printable page
        ((ChromeDriver) browser).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) browser).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString((ENTERPRISE + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))));
        browser.get(http.getRootUri() + permit.get("printable").asText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("number"), "BG-2021-"));
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.images).every(image => image.complete && image.naturalWidth > 0)"));

        // then it shows the permit and each pass, each with a QR code, in Vietnamese
        assertThat(text("number")).isEqualTo(permit.get("number").asText());
        assertThat(text("enterprise")).contains("Công ty TNHH Điện tử Hồng Hải Bắc Giang");
        assertThat(text("plates")).isEqualTo("98B-123.45, 98B-678.90");
        assertThat(text("expires-at")).isEqualTo("09:00 27/06/2021");
        assertThat(browser.findElements(By.cssSelector("img.qr"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#passes .pass strong"))).extracting(WebElement::getText)
                .containsExactly("98B-123.45", "98B-678.90");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Giấy phép hoạt động luồng xanh");
        HeadlessChromium.screenshot(browser, "permit-print.png");

        // and in English
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Green-lane operating permit");
        assertThat(text("expires-at")).isEqualTo("Jun 27, 2021, 9:00 AM");
        assertThat(browser.findElement(By.cssSelector("#passes .pass:nth-child(2)")).getText()).contains("29 seats");
    }

    private void awaitResult(String result) {
        wait.until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-result", result));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
