package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.lantian.standards.BeijingTime;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The emergency page in Chromium: a forecast typed in, the proposal it gives, a warning issued, the header of every page showing it. */
@PlatformTest
class EmergencyPagesBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    java.time.Clock clock;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void theCityOfficeTypesAForecastSeesTheProposalAndIssuesAWarningEveryPageThenShows() throws Exception {
        signIn("city", "lantian2023");
        open("/emergency");
        browser().findElement(By.cssSelector("#forecast-entry summary")).click();
        String now = java.time.LocalDateTime.now(clock.withZone(BeijingTime.ZONE)).withSecond(0).withNano(0).minusMinutes(2).toString();
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]",
                browser().findElement(By.name("issuedAt")), now);
        browser().findElement(By.name("source")).sendKeys("邯郸市环境监控中心");
        int[][] days = {{180, 230}, {240, 320}, {220, 260}};
        for (int i = 0; i < days.length; i++) {
            browser().findElement(By.name("low" + i)).sendKeys(String.valueOf(days[i][0]));
            browser().findElement(By.name("high" + i)).sendKeys(String.valueOf(days[i][1]));
        }
        browser().findElement(By.name("low3")).sendKeys("150");
        browser().findElement(By.name("high3")).sendKeys("一百八");   // a word where a number belongs: named beside the field, the rest kept
        expectRefusal("/emergency/forecasts");
        browser().findElement(By.id("record-forecast")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=high3]")).isEmpty());
        assertThat(browser().findElement(By.name("high1")).getDomProperty("value")).isEqualTo("320");
        browser().findElement(By.name("high3")).clear();
        browser().findElement(By.name("low3")).clear();
        browser().findElement(By.id("record-forecast")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("proposal")).getText().contains("建议发布"));
        assertThat(text("proposal")).contains("建议发布红色预警（Ⅰ级响应）", "AQI > 300 持续 24 小时");
        assertThat(column("forecast-periods", 2)).containsExactly("180–230", "240–320", "220–260");

        new Select(browser().findElement(By.cssSelector("#issue select[name=level]"))).selectByValue("RED");
        browser().findElement(By.cssSelector("#issue input[name=reason]")).sendKeys("市大气办会商：预计连续三天重度及以上污染");
        browser().findElement(By.id("issue-warning")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#in-force .warning-card, #issue .error, #issue .field-error")).isEmpty());
        assertThat(browser().findElements(By.cssSelector("#issue .error, #issue .field-error"))).as(() -> text("issue")).isEmpty();
        assertThat(text("in-force")).contains("红色预警（Ⅰ级响应）", "全市");
        screenshot("emergency");

        signIn("wuan", "lantian2023");
        open("/stations");
        assertThat(browser().findElement(By.cssSelector("header .warning-in-force")).getText()).startsWith("红色预警（Ⅰ级响应） · 全市 · ").endsWith(" 起");
        open("/emergency");
        assertThat(browser().findElements(By.id("issue"))).as("a county reads; the city office issues").isEmpty();
        screenshot("emergency-county");

        long id = Api.json(new Api(port, tokens.of("city")).get("/api/emergency/warnings/current")).get(0).get("id").asLong();
        new Api(port, tokens.of("city")).post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"测试结束\"}");
        open("/stations");
        assertThat(browser().findElements(By.cssSelector("header .warning-in-force"))).isEmpty();
    }

    @Test
    void aCountySeesItsReductionsAndChangesAPlantsMeasureUnderItsOwnWarning() throws Exception {
        Api city = new Api(port, tokens.of("city"));
        String starts = clock.instant().minusSeconds(60).toString();
        String ends = clock.instant().plus(Duration.ofDays(1)).toString();
        long id = Api.json(city.post("/api/emergency/warnings", """
                {"level": "ORANGE", "counties": ["130481"], "startsAt": "%s", "endsAt": "%s", "reason": "武安局地重污染"}""".formatted(starts, ends)))
                .get("id").asLong();
        try {
            signIn("wuan", "lantian2023");
            open("/emergency?level=ORANGE");
            assertThat(browser().findElement(By.cssSelector("header .warning-in-force")).getText()).startsWith("橙色预警（Ⅱ级响应） · 武安市 · 至");
            assertThat(column("reductions table", 1)).containsExactly("武安市");
            assertThat(text("reductions")).contains("≥ 20%");
            screenshot("emergency-reductions");

            browser().findElement(By.linkText("各企业措施清单 →")).click();
            waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#measures tbody tr a")).isEmpty());
            assertThat(column("measures", 2)).containsOnly("武安市");
            browser().findElement(By.cssSelector("#measures tbody tr a")).click();
            waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("edit")).isEmpty());
            new Select(browser().findElement(By.name("level"))).selectByValue("ORANGE");
            new Select(browser().findElement(By.name("kind"))).selectByValue("CUT");
            browser().findElement(By.name("percent")).sendKeys("35");
            new Select(browser().findElement(By.name("truckBanStage"))).selectByValue("5");
            browser().findElement(By.name("reason")).sendKeys("县大气办核定");
            browser().findElement(By.id("edit-measure")).click();
            waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("current")).getText().contains("限产 35%；禁止国五及以下重型货车运输"));
            assertThat(text("revisions")).contains("县大气办核定");
            screenshot("emergency-plant");

            open("/emergency/warnings/" + id);
            assertThat(column("evaluation", 1)).containsExactly("武安市");
            assertThat(text("steps")).contains("发布", "武安局地重污染");
            screenshot("emergency-warning");
        } finally {
            city.post("/api/emergency/warnings/" + id + "/lifting", "{\"reason\": \"测试结束\"}");
        }
    }
}
