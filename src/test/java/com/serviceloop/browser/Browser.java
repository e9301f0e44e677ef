package com.serviceloop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) and the
 * checks a person would make on every page: no console errors, nothing wider than the screen,
 * fingers can hit what they need to.
 */
final class Browser implements AutoCloseable {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts a browser; without Chromium the tests are skipped on a developer's machine and fail in CI. */
    static Browser start(String base, String language) {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=" + language, "--user-data-dir=" + tempDir());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("sl-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Browser phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    Browser desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        return this;
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The page as a person sees it: no script errors in the console, no sideways scrolling. */
    void looksRight() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on %s", path()).isEmpty();
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("sideways scroll on %s", path()).isLessThanOrEqualTo(0);
    }

    /** Every visible element matching the selector is at least 44 × 44 CSS pixels. */
    void touchTargets(String css) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js("""
                return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent !== null).map(e => {
                  const r = e.getBoundingClientRect();
                  return (r.width < 44 || r.height < 44) ? (e.tagName + ' "' + e.textContent.trim().slice(0, 20) + '" '
                      + Math.round(r.width) + 'x' + Math.round(r.height)) : null; }).filter(x => x);""", css);
        assertThat(small).as("touch targets under 44 x 44 px on %s (%s)", path(), css).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
