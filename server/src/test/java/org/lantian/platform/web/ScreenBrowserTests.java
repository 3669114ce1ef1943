package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The command-centre screen on a 1080p and a 4K wall: everything on one screen, no scrolling, and a new push on it live. */
@PlatformTest
class ScreenBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void theWallShowsTheCityTheYearThePushesAndANewPushArrivesLive() throws Exception {
        signIn("city", "lantian2023");
        for (Dimension size : new Dimension[] {new Dimension(1920, 1080), new Dimension(3840, 2160)}) {
            browser().manage().window().setSize(size);
            open("/screen");
            waitUpTo(Duration.ofSeconds(10)).until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-version")));
            var js = (JavascriptExecutor) browser();
            long overflowY = (Long) js.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            long overflowX = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflowY).as("no scrolling at %s", size).isLessThanOrEqualTo(0);
            assertThat(overflowX).as("no scrolling at %s", size).isLessThanOrEqualTo(0);
            assertThat(text("city-aqi")).matches("\\d+|NA");
            assertThat(text("rank")).startsWith("第 ");
            assertThat(text("heavy")).contains("天");
            Thread.sleep(800);   // the charts' first animation
            Files.write(java.nio.file.Path.of("target/screenshots").resolve("screen-" + size.getWidth() + ".png"),
                    ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
        }
        browser().manage().window().setSize(new Dimension(1920, 1080));
        waitUpTo(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-connected")));
        long id = Api.json(new Api(port, tokens.of("city")).post("/api/alerts/tickets",
                "{\"source\": \"FIRE_POINT\", \"title\": \"大屏实时火点\", \"lon\": 114.19, \"lat\": 36.70}")).get("id").asLong();
        waitUpTo(Duration.ofSeconds(3)).until(d -> d.findElement(By.id("pushes")).getText().contains("#" + id + " 大屏实时火点"));
        assertThat(text("push-counts")).startsWith("未办结 ");

        signIn("wuan", "lantian2023");
        expectRefusal("/screen");
        open("/screen");
        assertThat(browser().findElements(By.id("screen-map"))).as("the wall is the city's").isEmpty();
    }
}
