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
        assertThat(browser.findElements(By.cssSelector("#targets tbody tr"))).hasSize(4);

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Workers back at work"));
        assertThat(browser.findElement(By.cssSelector("#targets tbody tr td.OPEN")).getText()).isEqualTo("Open");
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
}
