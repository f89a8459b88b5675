package org.greenlane.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenlane.screening.TestChanges.doses;
import static org.greenlane.screening.TestChanges.residence;
import static org.greenlane.screening.TestChanges.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.greenlane.HeadlessChromium;
import org.greenlane.IntegrationTest;
import org.greenlane.TestApplications;
import org.greenlane.application.ApplicationDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Working-group members in the real Camunda Tasklist, in headless Chromium (Debian's chromium and chromium-driver;
 * .ci/run installs them). Fails, never skips, when the browser is missing.
 */
class TasklistBrowserTest extends IntegrationTest {

    private static final String COMMENT = "Bổ sung phương án cách ly cho người ở Vân Trung / Add an isolation plan";

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** The last screen, for a look when the test fails. */
    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            try {
                screenshot("tasklist-last.png");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void healthMemberDecidesOnTheFindingsInOneScreenAndHousingNeverSeesTheHealthTask() throws IOException {
        // given an application with a worker living under lockdown and an unvaccinated one, and a second one
        ApplicationDocument application = workers(workers(TestApplications.clean(3),
                w -> residence(w, "Việt Yên", "Vân Trung"), 0), w -> doses(w, 0), 1);
        String id = submit(application);
        String other = submit(TestApplications.clean(2));
        awaitStatus(id, "UNDER_REVIEW");
        awaitStatus(other, "UNDER_REVIEW");
        String healthTask = taskOf(id, "reviewHealth");
        String ruleSetVersion = status(id).at("/screening/ruleSetVersion").asText();

        // when health1 opens the task from the list of their group's open tasks, whose card names the enterprise
        logIn("health1");
        By card = By.xpath("//li[contains(@class, 'task')][.//a[@href='#/?task=" + healthTask + "']]");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElement(card).getText()
                .contains("MST 2400123456") && driver.findElement(card).getText().contains("Quang Châu"));
        wait.until(ExpectedConditions.elementToBeClickable(taskLink(healthTask))).click();

        // then the form shows what the health group needs to decide
        assertThat(field("findings")).contains("W-LOCKDOWN-RESIDENCE", "Lives in a commune under lockdown",
                "W-VACCINATION-PRIORITY");
        assertThat(field("ineligibleWorkers")).isEqualTo("- Nguyễn Văn Công 1 (024000000001): W-LOCKDOWN-RESIDENCE");
        assertThat(field("vaccinationPriority")).contains("Nguyễn Văn Công 2 (024000000002)");
        assertThat(field("medicalPlan")).contains("Medical staff: 1", "Isolation room: có / yes");
        assertThat(field("ruleSetVersion")).startsWith(ruleSetVersion + " — ");
        assertThat(field("enterpriseName")).contains("MST 2400123456");
        assertThat(field("workerCount")).isEqualTo("3");
        assertThat(field("eligibleCount")).isEqualTo("2");
        screenshot("tasklist-health-form.png");

        // when health1 claims it and asks for changes without saying why
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        choose("Yêu cầu bổ sung (Request changes)");
        complete();

        // then Tasklist shows the refusal as a sentence, not an engine error, and the task stays open
        awaitAlert("Cần ghi ý kiến cho quyết định REQUEST_CHANGES / A comment is required to REQUEST_CHANGES");
        assertThat(browser.findElements(By.cssSelector(".alert-danger"))).extracting(WebElement::getText)
                .noneMatch(alert -> alert.contains("ENGINE-"));
        assertThat(tasks.createTaskQuery().taskId(healthTask).count()).isEqualTo(1);

        // when they give the reason
        browser.findElement(By.cssSelector("textarea[id$='-comment_field']")).sendKeys(COMMENT);
        complete();

        // then the task is done, and the enterprise reads the decision and its reason in its status
        wait.until(ExpectedConditions.invisibilityOfElementLocated(fieldLocator("findings")));
        assertThat(tasks.createTaskQuery().taskId(healthTask).count()).isZero();
        JsonNode health = status(id).at("/reviews/health");
        assertThat(health.get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(health.get("comment").asText()).isEqualTo(COMMENT);
        assertThat(health.get("decidedBy").asText()).isEqualTo("health1");

        // when housing1 logs in
        logOut();
        logIn("housing1");

        // then their list holds their group's task of that application and no health task
        wait.until(ExpectedConditions.presenceOfElementLocated(taskLink(taskOf(id, "reviewHousing"))));
        List<WebElement> listed = browser.findElements(By.cssSelector("li.task h4.task a"));
        assertThat(listed).extracting(WebElement::getText).allMatch(name -> name.contains("Housing review"));
        // and the health task cannot be opened by its address, neither the decided one nor the other still open
        for (String task : List.of(healthTask, taskOf(other, "reviewHealth"))) {
            browser.get(tasklist() + "#/?task=" + task);
            awaitAlert("No matching task with id " + task);
            assertThat(browser.findElements(fieldLocator("findings"))).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ the browser

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private void logIn(String user) {
        browser.get(tasklist());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.task")));
    }

    /** Drops the Tasklist session, as closing the browser would. */
    private void logOut() {
        browser.manage().deleteAllCookies();
    }

    private static By taskLink(String taskId) {
        return By.cssSelector("li.task h4.task a[href='#/?task=" + taskId + "']");
    }

    private static By fieldLocator(String key) {
        return By.cssSelector("[id$='-" + key + "_field']");
    }

    /** What a read-only form field shows, once the form has its value. */
    private String field(String key) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(fieldLocator(key)));
        wait.until(driver -> !field.getDomProperty("value").isEmpty());
        return field.getDomProperty("value");
    }

    /** form-js draws its own dropdown: open it, then pick the entry. */
    private void choose(String label) {
        browser.findElement(By.cssSelector(".fjs-select-display")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space() = '" + label + "']"))).click();
    }

    /** Tasklist's error notifications stack up at the bottom of the page. */
    private void awaitAlert(String text) {
        wait.until(driver -> driver.findElements(By.cssSelector(".alert-danger")).stream()
                .anyMatch(alert -> alert.getText().contains(text)));
    }

    private void complete() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }

    // ----------------------------------------------------------------------------------- the API and engine

    private String submit(ApplicationDocument application) {
        return http.postForObject("/api/applications", application, JsonNode.class).get("id").asText();
    }

    private String taskOf(String applicationId, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationId).taskDefinitionKey(taskKey)
                .singleResult().getId();
    }
}
