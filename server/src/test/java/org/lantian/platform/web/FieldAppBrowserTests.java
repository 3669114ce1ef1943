package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phone in the field at 375×812 in Chromium: installable (manifest, service worker), the county's inbox,
 * a ticket received and reported with a photo and the phone's position while the network is cut, the report
 * kept on the phone and sent exactly once when the network is back; the duty roster.
 */
@PlatformTest
class FieldAppBrowserTests extends BrowserTest {

    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final String QIUXIAN = "130430";

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    @Override
    protected int port() {
        return port;
    }

    private ChromeDriver chrome() {
        return (ChromeDriver) browser();
    }

    private void network(boolean online) {
        chrome().executeCdpCommand("Network.enable", Map.of());
        chrome().executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void phoneShot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + "-375.png"), ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
    }

    private int reports(long ticket) {
        return jdbc.sql("SELECT count(*) FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'reported'").param(ticket)
                .query(Integer.class).single();
    }

    @Test
    void aReportWrittenOfflineIsKeptAndSentExactlyOnceWhenTheNetworkIsBack() throws Exception {
        Api city = new Api(port, tokens.of("city"));
        if (jdbc.sql("SELECT count(*) FROM identity_user WHERE username = 'qiuxian-phone'").query(Integer.class).single() == 0) {
            assertThat(city.post("/api/users", """
                    {"username": "qiuxian-phone", "displayName": "邱县值班员", "role": "COUNTY", "countyCode": "%s",
                     "password": "Qiu-Xian-Phone-2026!", "reason": "移动端页面测试"}""".formatted(QIUXIAN)).getStatusCode().value()).isEqualTo(201);
        }
        long ticket = Api.json(city.post("/api/alerts/tickets", """
                {"source":"FIRE_POINT","title":"疑似秸秆焚烧火点","detail":"卫星火点，请立即核查","countyCode":"%s","lon":115.1700,"lat":36.8100,"origin":"卫星"}"""
                .formatted(QIUXIAN))).get("id").asLong();
        String today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).toString();
        city.put("/api/alerts/duty/" + QIUXIAN + "/" + today, """
                {"person":"王值班","phone":"0310-7221000","leader":"李副县长","leaderPhone":"13900000000","reason":"页面测试"}""");

        signIn("qiuxian-phone", "Qiu-Xian-Phone-2026!");
        browser().manage().window().setSize(new Dimension(375, 812));
        open("/m");
        assertThat(browser().findElements(By.cssSelector("#inbox li .title")).stream().map(e -> e.getText()).toList())
                .contains("疑似秸秆焚烧火点");
        assertThat(text("inbox-summary")).startsWith("未办结");
        JavascriptExecutor js = (JavascriptExecutor) browser();
        Object worker = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(r => done(r.active.scriptURL + ' ' + r.scope));");
        assertThat(String.valueOf(worker)).endsWith("/m/sw.js http://localhost:" + port + "/m");
        Object manifest = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('link[rel=manifest]').href, {credentials: 'omit'}).then(r => r.json())"
                + ".then(m => done(m.start_url + ' ' + m.display + ' ' + m.icons.map(i => i.sizes).join(',')));");
        assertThat(manifest).isEqualTo("/m standalone 192x192,512x512,any");
        assertNoSidewaysScrolling(js);
        phoneShot("field-inbox");

        browser().findElement(By.partialLinkText("疑似秸秆焚烧火点")).click();
        browser().findElement(By.id("receive")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> "已签收".equals(d.findElement(By.id("state")).getText()));

        chrome().executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port, "permissions", java.util.List.of("geolocation")));
        chrome().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 36.8100, "longitude", 115.1790, "accuracy", 15));
        Path photo = Files.createTempFile("现场", ".png");
        Files.write(photo, PNG);
        try {
            network(false);
            waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("offline-note")).isDisplayed());
            new Select(browser().findElement(By.name("causeCategory"))).selectByVisibleText("露天焚烧");
            browser().findElement(By.name("measures")).sendKeys("明火已扑灭，现场灰烬已清理");
            browser().findElement(By.name("responders")).sendKeys("香城固镇网格员 张三");
            browser().findElement(By.name("photos")).sendKeys(photo.toString());
            var submit = browser().findElement(By.id("report-submit"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit); // above the tab bar, as a thumb would
            submit.click();
            waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("outbox")).getText().contains("待发送 1 条反馈"));
            assertThat(text("outbox")).contains("工单 #" + ticket).contains("等待网络");
            assertNoSidewaysScrolling(js);
            phoneShot("field-offline-outbox");
            Thread.sleep(1000); // time for a send that must not happen
            assertThat(reports(ticket)).as("nothing reaches the server without a network").isZero();
        } finally {
            network(true);
        }
        waitUpTo(Duration.ofSeconds(15)).until(d -> "已反馈".equals(d.findElement(By.id("state")).getText()));
        assertThat(reports(ticket)).isEqualTo(1);
        browser().navigate().refresh();
        Thread.sleep(1500); // the outbox looks again on every page: nothing is left to send
        assertThat(reports(ticket)).as("sent exactly once").isEqualTo(1);
        var stored = jdbc.sql("SELECT lon, lat, client_key IS NOT NULL FROM alerts_ticket_event WHERE ticket_id = ? AND action = 'reported'")
                .param(ticket).query((rs, n) -> rs.getBigDecimal(1).toPlainString() + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getBoolean(3))
                .single();
        assertThat(stored).isEqualTo("115.179000 36.810000 true");
        assertThat(jdbc.sql("SELECT count(*) FROM alerts_attachment WHERE ticket_id = ? AND report_event_id IS NOT NULL").param(ticket)
                .query(Integer.class).single()).as("the photo taken offline came with it").isEqualTo(1);
        assertThat(browser().findElement(By.id("timeline")).getText()).contains("现场定位 115.179000, 36.810000").contains("距点位 801 米");
        phoneShot("field-ticket-reported");

        open("/m/duty");
        assertThat(browser().findElements(By.cssSelector("#roster li.today")).stream().map(e -> e.getText()).filter(t -> t.contains("邱县")).toList())
                .singleElement().asString().contains("今天").contains("王值班 0310-7221000").contains("带班 李副县长 13900000000");
        assertNoSidewaysScrolling(js);
        phoneShot("field-duty");
        browser().manage().window().setSize(new Dimension(1920, 1080));
    }

    private static void assertNoSidewaysScrolling(JavascriptExecutor js) {
        long overflowX = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflowX).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
    }
}
