package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public page on a phone (375×812), without signing in. */
@PlatformTest
class PublicPageBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void aPhoneReadsTheAirNowTheAdviceAndTheCountiesWithoutSigningIn() throws Exception {
        browser().manage().deleteAllCookies();
        browser().manage().window().setSize(new Dimension(375, 812));
        open("/public");
        assertThat(text("public-city")).contains("首要污染物");
        assertThat(text("public-advice")).startsWith("建议措施：");
        assertThat(browser().findElements(By.cssSelector("#public-counties li"))).hasSize(20);
        long overflowX = (Long) ((org.openqa.selenium.JavascriptExecutor) browser())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflowX).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        Files.write(Path.of("target/screenshots/public-375.png"), ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));

        // a report from the phone, and its status by the code it gets
        browser().findElement(By.name("text")).sendKeys("河边有人焚烧垃圾，浓烟很大");
        browser().findElement(By.id("report-submit")).click();
        waitUpTo(java.time.Duration.ofSeconds(5)).until(d -> d.findElement(By.id("report-result")).getText().contains("查询码"));
        String code = text("report-result").replaceAll(".*查询码 ([A-Z0-9]{10}).*", "$1");
        browser().findElement(By.name("code")).sendKeys(code);
        browser().findElement(By.cssSelector("#track-form button")).click();
        waitUpTo(java.time.Duration.ofSeconds(5)).until(d -> d.findElement(By.id("track-result")).getText().contains("已收到"));
        assertThat(text("track-result")).startsWith("扬尘：已收到");
        browser().manage().window().setSize(new Dimension(1920, 1080));

        // the city office reads it in its intake queue and pushes it to the county its text names
        signIn("city", "lantian2023");
        open("/participation");
        var card = browser().findElements(By.cssSelector(".intake")).stream().filter(c -> c.getText().contains("查询码 " + code)).findFirst()
                .orElseThrow();
        assertThat(card.getText()).contains("河边有人焚烧垃圾").contains("未提供");
        screenshot("participation-intake");
        new org.openqa.selenium.support.ui.Select(card.findElement(By.name("countyCode"))).selectByVisibleText("临漳县");
        card.findElement(By.cssSelector(".push-form button")).click();
        waitUpTo(java.time.Duration.ofSeconds(5)).until(d -> d.findElement(By.id("done")).getText().startsWith("已推送为工单 #"));
        long ticket = Long.parseLong(text("done").replaceAll("\\D", ""));
        open("/alerts/tickets/" + ticket);
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("公众举报：扬尘");
        assertThat(browser().findElement(By.cssSelector("dl.facts")).getText()).contains("临漳");
        browser().manage().deleteAllCookies();
        open("/public");
        browser().findElement(By.name("code")).sendKeys(code);
        browser().findElement(By.cssSelector("#track-form button")).click();
        waitUpTo(java.time.Duration.ofSeconds(5)).until(d -> d.findElement(By.id("track-result")).getText().contains("已转属地处置"));
    }
}
