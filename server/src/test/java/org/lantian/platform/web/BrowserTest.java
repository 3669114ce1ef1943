package org.lantian.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page tests in Debian's Chromium, driven by Selenium. They run in the Maven profile {@code browser}
 * (switched on by the README's test command) and are skipped, saying why, when the profile is off or
 * Chromium and its driver are not installed ({@code apt-get install chromium chromium-driver}).
 * Every page a test visits is also saved as a screenshot under {@code target/screenshots/} at desktop
 * (1920×1080) and laptop (1366×768) sizes, for people to look at.
 */
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("lantian.browser-tests"),
                "browser tests are off: run the tests with -Pbrowser");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: Chromium is not installed (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("lantian-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile, "--window-size=1920,1080");
        // the console is read after every test: an error or a failed resource fails it
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(java.util.Map.of("TZ", "UTC")) // pages must show Beijing time whatever the browser zone
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(SCREENSHOTS);
    }

    /**
     * Any error the pages logged during the test (a script error, a CSP violation, a resource that failed to
     * load) fails it: a page that works only in the screenshot is not a working page.
     */
    @org.junit.jupiter.api.AfterEach
    void noConsoleErrors() {
        if (driver == null) {
            return;
        }
        java.util.List<String> errors = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> !expected(m))
                .toList();
        opened.clear();
        expectedRefusals.clear();
        org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors").isEmpty();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected abstract int port();

    protected WebDriver browser() {
        return driver;
    }

    protected void open(String path) {
        String url = "http://localhost:" + port() + path;
        opened.add(url);
        driver.get(url);
    }

    /** Pages the test navigated to itself: their own 403 or 404 is what a scope test asserts, not a page fault. */
    private final java.util.Set<String> opened = new java.util.HashSet<>();
    /** Resources a test expects a page to be refused (e.g. another county's data), by a part of their address. */
    private final java.util.Set<String> expectedRefusals = new java.util.HashSet<>();

    protected void expectRefusal(String addressPart) {
        expectedRefusals.add(addressPart);
    }

    private boolean expected(String message) {
        if (!message.contains("Failed to load resource: the server responded with a status of 40")) {
            return false;
        }
        String url = message.substring(0, message.indexOf(" - "));
        return opened.contains(url) || expectedRefusals.stream().anyMatch(url::contains);
    }

    /** The texts of a table's column (1-based). */
    protected java.util.List<String> column(String tableId, int index) {
        return browser().findElements(org.openqa.selenium.By.cssSelector("#" + tableId + " tbody tr td:nth-child(" + index + ")"))
                .stream().map(org.openqa.selenium.WebElement::getText).toList();
    }

    /** The text of the element with this id. */
    protected String text(String id) {
        return browser().findElement(org.openqa.selenium.By.id(id)).getText();
    }

    /**
     * A wait that looks again when the page was replaced under it (a form's redirect lands mid-look). Chrome
     * reports that either as a stale element or as a plain driver error ("Node with given id does not belong
     * to the document"); a wait that never succeeds still fails with the last of them as its cause.
     */
    protected WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    protected void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("login-submit")).click();
        // the next page (the overview, or the login page with its error) must have loaded before the test reads it
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Saves the current page at desktop and laptop sizes. */
    protected void screenshot(String name) throws IOException {
        for (Dimension size : new Dimension[] {new Dimension(1920, 1080), new Dimension(1366, 768)}) {
            driver.manage().window().setSize(size);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + "-" + size.getWidth() + ".png"), png);
        }
        driver.manage().window().setSize(new Dimension(1920, 1080));
    }
}
