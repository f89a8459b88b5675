package org.greenlane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless and offline, driven by its own chromedriver: nothing is downloaded. */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** Fails, rather than skips, without the browser: .ci/run installs it. */
    public static WebDriver start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need %s and %s: apt-get install -y chromium chromium-driver", CHROMIUM,
                        CHROMEDRIVER)
                .isTrue();
        // Selenium warns that it has no DevTools bindings for this Chromium; the tests need none.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000",
                "--user-data-dir=" + Files.createTempDirectory("greenlane-chromium"));
        return new ChromeDriver(service, options);
    }

    /** The text of the element the CSS selector finds, as the page shows it. */
    public static String text(WebDriver browser, String selector) {
        return browser.findElement(By.cssSelector(selector)).getText();
    }

    /** The body rows of the table the CSS selector finds, each as its cells' texts. */
    public static List<List<String>> rows(WebDriver browser, String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    public static Path screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
