package org.greenlane.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.greenlane.HeadlessChromium;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /dashboard in headless Chromium draws the progress the API reports, in Vietnamese and in English. */
class DashboardBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        HeadlessChromium.screenshot(browser, "dashboard.png");
        browser.quit();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartShowsTheCumulativeWorkersAndTheTargets() {
        // given the progress the API reports now
        JsonNode progress = http.getForObject("/api/reports/progress", JsonNode.class);

        // when the page is opened, without logging in
        browser.get("http://localhost:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return window.greenlaneChart") != null);

        // then the chart holds the API's figures and the four targets, and the figures read in Vietnamese
        Map<String, Object> chart = (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeScript("return window.greenlaneChart");
        List<String> labels = (List<String>) chart.get("labels");
        assertThat(labels).contains("2021-07-31", "2021-08-31", "2021-10-31", "2021-11-30");
        List<Number> targets = (List<Number>) chart.get("targets");
        assertThat(targets.get(labels.indexOf("2021-07-31")).intValue()).isEqualTo(30_000);
        assertThat(targets.get(labels.indexOf("2021-11-30")).intValue()).isEqualTo(120_000);
        for (JsonNode day : progress.get("days")) {
            assertThat(((List<Number>) chart.get("cumulative")).get(labels.indexOf(day.get("date").asText()))
                    .intValue()).isEqualTo(day.get("cumulativeWorkers").asInt());
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Tiến độ", "Bắc Giang");
        assertThat(browser.findElements(By.cssSelector("#targets tbody tr"))).hasSize(4);

        // and its x axis is time: the end of July, of August and of October lie 31 and then 61 days apart, and
        // are drawn so
        List<Number> drawn = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart('progress-chart').getDatasetMeta(2).data.map(point => point.x)");
        int july = labels.indexOf("2021-07-31");
        int august = labels.indexOf("2021-08-31");
        int october = labels.indexOf("2021-10-31");
        assertThat(gap(drawn, august, october) / gap(drawn, july, august)).isCloseTo(61.0 / 31, within(0.01));
        List<Number> days = (List<Number>) chart.get("x");
        assertThat(gap(days, july, august)).isEqualTo(31);
        assertThat(gap(days, august, october)).isEqualTo(61);

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Workers back at work"));
        assertThat(browser.findElement(By.cssSelector("#targets tbody tr td.OPEN")).getText()).isEqualTo("Open");
    }

    @Test
    void eachLanguageShowsItsOwnTextsNumbersAndDates() {
        // given the targets as the API describes them in each language
        JsonNode target = http.getForObject("/api/reports/progress", JsonNode.class).at("/targets/0");

        // when the page is opened in Vietnamese
        browser.get("http://localhost:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return window.greenlaneChart") != null);

        // then the target, its date and its number, the as-of date and the axes read as Vietnamese writes them
        assertThat(texts("#targets tbody tr:first-child td")).startsWith(target.get("descriptionVi").asText(),
                "31/07/2021", "≥ 30.000");
        assertThat(browser.findElement(By.id("as-of")).getText()).isEqualTo("20/06/2021");
        assertThat(ticks("x")).isNotEmpty().allMatch(tick -> tick.matches("01/\\d{2}/2021"));
        assertThat(ticks("y")).contains("120.000");
        assertThat(shown()).doesNotContainPattern("\\d,\\d{3}");

        // and in English as English does
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Workers back at work"));
        assertThat(texts("#targets tbody tr:first-child td")).startsWith(target.get("descriptionEn").asText(),
                "Jul 31, 2021", "≥ 30,000");
        assertThat(browser.findElement(By.id("as-of")).getText()).isEqualTo("Jun 20, 2021");
        assertThat(ticks("x")).isNotEmpty().allMatch(tick -> tick.matches("[A-Z][a-z]{2} 1, 2021"));
        assertThat(ticks("y")).contains("120,000");
        assertThat(shown()).doesNotContainPattern("\\d\\.\\d{3}");
    }

    @Test
    void aParkNameWithMarkupIsShownAsText() {
        // given an approved application whose park name is markup; screening knows no such park, so it is written
        // into the row the report reads
        String markup = "<img src=x onerror=\"window.pwned=1\">";
        String id = approve(TestApplications.clean(1));
        jdbc.sql("update application set industrial_park = ? where id = ?").params(markup, id).update();

        // when the page is opened and any image it made has loaded or failed
        browser.get("http://localhost:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return window.greenlaneChart") != null);
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.images).every(image => image.complete)"));

        // then the name reads as it was typed and its handler never ran
        assertThat(browser.findElements(By.cssSelector("#parks tbody tr td:first-child")))
                .extracting(WebElement::getText).contains(markup);
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned")).isEqualTo("undefined");
    }

    private static double gap(List<Number> values, int from, int to) {
        return values.get(to).doubleValue() - values.get(from).doubleValue();
    }

    private List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> ticks(String axis) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart('progress-chart').scales[arguments[0]].ticks.map(tick => tick.label)", axis);
    }

    /** The page's text and the chart's axes, which are drawn rather than text. */
    private String shown() {
        return browser.findElement(By.tagName("body")).getText() + "\n" + String.join("\n", ticks("x"))
                + "\n" + String.join("\n", ticks("y"));
    }
}
