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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(java.util.Map.of("TZ", "Asia/Shanghai")) // pages show Beijing time, as users see it
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(SCREENSHOTS);
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
        driver.get("http://localhost:" + port() + path);
    }

    protected WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
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
