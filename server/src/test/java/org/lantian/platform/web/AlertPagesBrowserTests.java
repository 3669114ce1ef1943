package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.platform.identity.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The alert pages in Chromium: pushing, a county's inbox, working a ticket, rules, assessment, live banner. */
@PlatformTest
class AlertPagesBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    Divisions divisions;
    @Autowired
    org.lantian.platform.MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Override
    protected int port() {
        return port;
    }

    Api api(String username) {
        return new Api(port, tokens.of(username));
    }

    long push(String county, String title) {
        return Api.json(api("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"%s","detail":"页面测试","countyCode":"%s","disposalMinutes":120}""".formatted(title, county)))
                .get("id").asLong();
    }

    @Autowired
    org.lantian.platform.enterprises.Whitelist whitelist;

    @Test
    void anEnterpriseLandsOnItsOwnFileAnswersItsTicketAndReachesNothingElse() throws Exception {
        String plant = jdbc.sql("SELECT credit_code FROM enterprise WHERE name = '河北普阳钢铁有限公司'").query(String.class).single();
        var created = api("city").post("/api/users", """
                {"username": "ent-puyang", "displayName": "普阳钢铁环保科", "role": "ENTERPRISE", "countyCode": "130481",
                 "enterpriseCode": "%s", "password": "Lan-Tian-2026!", "reason": "页面测试"}""".formatted(plant));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        long entry = Api.json(api("city").post("/api/enterprises/" + plant + "/whitelist", "{\"reason\": \"页面测试\"}")).get("id").asLong();
        api("city").post("/api/enterprises/whitelist/" + entry + "/decision", "{\"include\": true}");
        jdbc.sql("UPDATE enterprise_whitelist SET next_recheck_due = current_date - 1 WHERE id = ?").param(entry).update();
        whitelist.remindDue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(plant).query(Integer.class).single() == 1);
        long ticket = jdbc.sql("SELECT id FROM alerts_ticket WHERE place_kind = 'ENTERPRISE' AND place_code = ?").param(plant).query(Long.class).single();

        signIn("ent-puyang", "Lan-Tian-2026!");
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/enterprises/" + plant));
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("河北普阳钢铁有限公司");
        assertThat(browser().findElements(By.cssSelector("nav.side a")).stream().map(WebElement::getText).toList())
                .containsExactly("企业档案", "工单与回复", "重污染应急", "空气质量地图", "接口文档");
        screenshot("enterprise-user-file");

        browser().findElement(By.linkText("工单与回复")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#tickets tbody tr")).isEmpty());
        assertThat(column("tickets", 1)).containsExactly("#" + ticket);
        screenshot("enterprise-user-tickets");

        open("/alerts/tickets/" + ticket);
        assertThat(browser().findElements(By.cssSelector("#actions form")).stream().map(f -> f.getDomAttribute("id")).toList())
                .as("the enterprise answers; the county disposes").containsExactly("reply-form");
        browser().findElement(By.cssSelector("#reply-form textarea")).sendKeys("已完成自查：除尘设施运行正常，附件为运行记录");
        browser().findElement(By.cssSelector("#reply-form button")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("timeline")).getText().contains("已完成自查"));
        screenshot("enterprise-user-ticket");

        for (String elsewhere : List.of("/gateway/devices", "/audit", "/stations", "/alerts/assessment")) {
            expectRefusal(elsewhere);
            open(elsewhere);
            assertThat(browser().findElement(By.tagName("h1")).getText()).as(elsewhere).isEqualTo("无权访问");
        }
        var other = jdbc.sql("SELECT credit_code FROM enterprise WHERE name = '河北兴华钢铁有限公司'").query(String.class).single();
        expectRefusal("/enterprises/" + other);
        open("/enterprises/" + other);
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("不存在");
    }

    @Test
    void theCityOfficePushesAFirePointThatGoesToTheCountyHoldingIt() throws Exception {
        signIn("viewer", "lantian2023");
        open("/alerts/push");   // a viewer is shown no form it may not use
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser().findElements(By.id("push-form"))).isEmpty();

        signIn("city", "lantian2023");
        open("/alerts/push");
        assertThat(browser().findElement(By.id("disposal-minutes")).isDisplayed()).as("a fire point's 30 minutes are fixed").isFalse();
        new Select(browser().findElement(By.id("source"))).selectByValue("MANUAL");
        assertThat(browser().findElement(By.id("disposal-minutes")).isDisplayed()).isTrue();
        new Select(browser().findElement(By.id("source"))).selectByValue("FIRE_POINT");
        screenshot("alerts-push");
        LonLat inWuan = divisions.interiorPoint("130481").orElseThrow();
        browser().findElement(By.name("title")).sendKeys("卫星发现秸秆焚烧火点");
        browser().findElement(By.name("detail")).sendKeys("村东农田");

        // a comma for the decimal point: the form again, the message beside the longitude, the rest as typed
        browser().findElement(By.name("lon")).sendKeys("114,47");
        browser().findElement(By.name("lat")).sendKeys("36.60");
        expectRefusal("/alerts/push");
        browser().findElement(By.id("push")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=lon]")).isEmpty());
        assertThat(browser().findElement(By.cssSelector(".field-error[data-field=lon]")).getText()).contains("经度", "数字", "114,47");
        assertThat(browser().findElement(By.name("title")).getDomProperty("value")).isEqualTo("卫星发现秸秆焚烧火点");
        assertThat(browser().findElement(By.name("lon")).getDomProperty("value")).isEqualTo("114,47");

        // the point picked on the map fills the coordinates
        browser().findElement(By.name("lon")).clear();
        browser().findElement(By.name("lat")).clear();
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#push-map canvas")).isEmpty());
        new org.openqa.selenium.interactions.Actions(browser()).moveToElement(browser().findElement(By.id("push-map"))).click().perform();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElement(By.name("lon")).getDomProperty("value").isEmpty());
        assertThat(browser().findElement(By.name("lon")).getDomProperty("value")).matches("11[3-5]\\.\\d{4}");
        assertThat(browser().findElement(By.name("lat")).getDomProperty("value")).matches("3[5-7]\\.\\d{4}");
        assertThat(text("picked")).startsWith("已选取 东经");
        screenshot("alerts-push-picked");

        browser().findElement(By.name("lon")).clear();
        browser().findElement(By.name("lat")).clear();
        browser().findElement(By.name("lon")).sendKeys(String.valueOf(inWuan.lon()));
        browser().findElement(By.name("lat")).sendKeys(String.valueOf(inWuan.lat()));
        browser().findElement(By.id("push")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().matches(".*/alerts/tickets/\\d+$"));
        assertThat(text("state")).isEqualTo("待签收");
        assertThat(browser().findElement(By.tagName("main")).getText()).contains("武安市", "焚烧火点（卫星）");
        assertThat(text("clock")).matches("· 剩余 (2[6-9]|30) 分钟");
        screenshot("alerts-ticket-pushed");
    }

    @Test
    void aCountyWorksItsTicketAndTheCityOfficeClosesIt() throws Exception {
        long ours = push("130481", "群众举报工地扬尘");
        long theirs = push("130403", "丛台区的事项");
        signIn("wuan", "lantian2023");
        open("/alerts");
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("本县待办");
        assertThat(column("tickets", 1)).contains("#" + ours).doesNotContain("#" + theirs);
        screenshot("alerts-inbox-county");

        open("/alerts/tickets/" + theirs);
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("不存在");
        screenshot("error-not-found");

        open("/alerts/tickets/" + ours);
        browser().findElement(By.id("receive")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("state")).getText().equals("已签收"));
        new Select(browser().findElement(By.name("causeCategory"))).selectByVisibleText("施工及道路扬尘");
        browser().findElement(By.name("measures")).sendKeys("工地已苫盖，停止土方作业");
        browser().findElement(By.name("responders")).sendKeys("城管执法 李四");
        // the photo goes with the report, in the same form: nothing typed is lost to a separate upload
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("现场", ".png");
        java.nio.file.Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        browser().findElement(By.name("photos")).sendKeys(photo.toString());
        browser().findElement(By.id("report")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("state")).getText().equals("已反馈"));
        assertThat(browser().findElements(By.id("close"))).isEmpty();
        assertThat(browser().findElement(By.tagName("main")).getText()).as("a multipart form's Chinese arrives as typed")
                .contains("工地已苫盖，停止土方作业", "城管执法 李四");
        screenshot("alerts-ticket-reported");

        signIn("city", "lantian2023");
        open("/alerts/tickets/" + ours);
        browser().findElement(By.id("close")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("state")).getText().equals("已办结"));
        assertThat(column("timeline", 3)).containsExactly("推送", "签收", "上传附件", "反馈处置结果", "审核办结");
        assertThat(column("timeline", 2)).as("people by name, not login")
                .containsExactly("市大气办（演示）", "武安市（演示）", "武安市（演示）", "武安市（演示）", "市大气办（演示）");
        screenshot("alerts-ticket-closed");
    }

    @Test
    void theBoardFiltersAndShowsTheMap() throws Exception {
        push("130402", "邯山区测试事项");
        signIn("city", "lantian2023");
        open("/alerts?county=130402&open=true");
        assertThat(column("tickets", 4)).isNotEmpty().allMatch(c -> c.startsWith("邯山区"));
        long located = browser().findElements(By.cssSelector("#tickets tbody tr[data-lon]")).size();
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        waitUpTo(Duration.ofSeconds(10)).until(d -> Long.valueOf(located).equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('alert-map'));
                const option = chart && chart.getOption();
                return option && option.series && option.series.length ? option.series[0].data.length : -1;""")));
        screenshot("alerts-board");
    }

    @Test
    void theCityOfficeAddsARuleOnThePage() throws Exception {
        signIn("city", "lantian2023");
        open("/alerts/rules");
        assertThat(column("rules", 1)).contains("PM25_HIGH", "STATION_SILENT", "EMISSION_EXCEEDED");
        screenshot("alerts-rules");
        browser().findElement(By.name("code")).sendKeys("PAGE_NO2");
        browser().findElement(By.name("name")).sendKeys("NO2 高于周边站点");
        browser().findElement(By.cssSelector("input[name=enabled]")).click(); // leave it off
        List<WebElement> types = browser().findElements(By.name("type"));
        new Select(types.get(0)).selectByVisibleText("高于周边站点");
        new Select(browser().findElements(By.name("measure")).get(0)).selectByVisibleText("NO2");
        browser().findElements(By.name("percent")).get(0).sendKeys("80");
        browser().findElements(By.name("radiusKm")).get(0).sendKeys("5");
        browser().findElement(By.name("reason")).sendKeys("页面测试");
        browser().findElement(By.id("save-rule")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> column("rules", 1).contains("PAGE_NO2"));
        assertThat(browser().findElement(By.id("rules")).getText()).contains("NO₂ 高于周边 5 公里内站点均值 80% 以上");

        signIn("hanshan", "lantian2023");
        open("/alerts/rules");
        assertThat(browser().findElements(By.id("rule-form"))).isEmpty();
    }

    @Test
    void theAssessmentPageRanksTheCounties() throws Exception {
        signIn("city", "lantian2023");
        open("/alerts/assessment");
        assertThat(browser().findElement(By.id("xlsx")).getAttribute("href")).contains("/api/alerts/assessment.xlsx");
        screenshot("alerts-assessment");
    }

    @Test
    void aNewPushAppearsLiveOnTheCountysScreen() throws Exception {
        signIn("congtai", "lantian2023");
        open("/alerts");
        // the tone is asked for once, and the answer is remembered
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        js.executeScript("localStorage.removeItem('lantian.sound')");
        open("/alerts");
        assertThat(text("sound-control")).startsWith("新推送时播放提示音？");
        browser().findElement(By.xpath("//span[@id='sound-control']/button[text()='开启']")).click();
        assertThat(text("sound-control")).isEqualTo("提示音：开");
        open("/alerts");
        assertThat(text("sound-control")).isEqualTo("提示音：开");
        assertThat(js.executeScript("return localStorage.getItem('lantian.sound')")).isEqualTo("on");
        waitUpTo(Duration.ofSeconds(5)).until(d -> "true".equals(d.findElement(By.id("live-banner")).getDomAttribute("data-connected")));
        long openBefore = Long.parseLong(browser().findElement(By.id("open-count")).getText());
        long pushed = push("130403", "实时推送测试");
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("live-banner")).getText().contains("#" + pushed));
        // the list and the counters follow in place, without a reload
        waitUpTo(Duration.ofSeconds(10)).until(d -> column("tickets", 1).contains("#" + pushed));
        assertThat(Long.parseLong(browser().findElement(By.id("open-count")).getText())).isEqualTo(openBefore + 1);
        assertThat(browser().findElement(By.id("board-stale")).isDisplayed()).isFalse();
        screenshot("alerts-live-banner");
    }

    @Test
    void aMissedReceiptShowsAndCountsAsOverdueInRed() throws Exception {
        long pushed = push("130402", "签收超时测试");
        clock.advance(Duration.ofMinutes(31));   // a manual push of 120 minutes is to be received within 30
        try {
            signIn("hanshan", "lantian2023");
            open("/alerts");
            WebElement row = browser().findElement(By.cssSelector("#tickets tr[data-id='" + pushed + "']"));
            WebElement state = row.findElements(By.cssSelector("td span.tag")).stream()
                    .filter(tag -> tag.getText().startsWith("待签收")).findFirst().orElseThrow();
            assertThat(state.getText()).isEqualTo("待签收（签收超时）");
            assertThat(state.getCssValue("background-color")).isEqualTo("rgba(192, 57, 43, 1)");
            assertThat(Long.parseLong(browser().findElement(By.id("overdue-count")).getText())).isPositive();
            screenshot("alerts-receipt-overdue");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theCityOfficeIssuesAnInstructionAndTheCountyRepliesOnThePage() throws Exception {
        signIn("city", "lantian2023");
        open("/alerts/duty");
        browser().findElement(By.cssSelector("#duty-form input[name=person]")).sendKeys("市大气办 周九");
        browser().findElement(By.id("set-duty")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("roster")).getText().contains("市大气办 周九"));
        browser().findElement(By.cssSelector("#instruction-form input[name=title]")).sendKeys("加密道路洒水频次");
        browser().findElement(By.cssSelector("#instruction-form input[name=body]")).sendKeys("今日起主要道路每日洒水不少于 4 次");
        browser().findElement(By.cssSelector("#instruction-form input[name=units][value='130403']")).click();
        browser().findElement(By.id("issue")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("instructions")).getText().contains("加密道路洒水频次"));
        screenshot("alerts-duty");

        signIn("congtai", "lantian2023");
        open("/alerts/duty");
        assertThat(browser().findElement(By.id("instructions")).getText()).contains("加密道路洒水频次");
        waitUpTo(Duration.ofSeconds(5)).until(d -> "true".equals(d.findElement(By.id("live-banner")).getDomAttribute("data-connected")));
        api("city").post("/api/alerts/instructions", """
                {"title":"夜间巡查渣土车","body":"22 时至次日 6 时","units":["130403"]}""");
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("live-banner")).getText().contains("调度指令：夜间巡查渣土车"));
        browser().findElement(By.cssSelector("#live-banner a.live")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.tagName("h1")).getText().equals("夜间巡查渣土车"));
        assertThat(column("receipts", 2)).singleElement().asString().doesNotContain("congtai");   // opening is no receipt
        browser().findElement(By.id("acknowledge")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.id("acknowledge")).isEmpty());
        assertThat(column("receipts", 2)).singleElement().asString().contains("congtai");
        browser().findElement(By.cssSelector("#reply-form input[name=reply]")).sendKeys("已安排城管、交警联合巡查");
        browser().findElement(By.id("reply")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("receipts")).getText().contains("已安排城管、交警联合巡查"));
        assertThat(column("receipts", 2)).singleElement().asString().contains("congtai");
        screenshot("alerts-instruction-replied");
    }

    @Test
    void theCityOfficeRegistersAUnitsWebhookOnThePage() throws Exception {
        signIn("city", "lantian2023");
        open("/alerts/webhooks");
        new Select(browser().findElement(By.name("unit"))).selectByVisibleText("鸡泽县");
        browser().findElement(By.name("url")).sendKeys("https://sms.example.gov.cn/jize");
        browser().findElement(By.name("secret")).sendKeys("jize-sms-secret-0001");
        browser().findElement(By.id("register-webhook")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("webhooks")).getText().contains("https://sms.example.gov.cn/jize"));
        assertThat(browser().findElement(By.id("webhooks")).getText()).contains("鸡泽县");
        screenshot("alerts-webhooks");

        signIn("hanshan", "lantian2023");
        open("/alerts/webhooks");
        assertThat(browser().findElements(By.id("webhooks"))).isEmpty();
    }

    @Test
    void aTicketAtAStationNamesTheEnterprisesAroundItAndTheSourceMapShowsEveryLayer() throws Exception {
        LonLat station = divisions.interiorPoint("130408").orElseThrow();   // 永年区's demo county station stands here
        long id = Api.json(api("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"永年区县控站 PM2.5 高值","detail":"页面测试","lon":%s,"lat":%s,"disposalMinutes":120}"""
                .formatted(station.lon(), station.lat()))).get("id").asLong();
        signIn("city", "lantian2023");
        open("/alerts/tickets/" + id);
        List<String> distances = column("nearby", 1);
        assertThat(distances).isNotEmpty();
        assertThat(distances.stream().map(Double::parseDouble).toList()).isSorted().allMatch(d -> d <= 3.0);
        assertThat(column("nearby", 2)).allMatch(name -> !name.isBlank());
        screenshot("alerts-ticket-nearby");
        // at the thermal plant, its outlet's latest hour is in the list
        var plant = jdbc.sql("SELECT lon, lat FROM enterprise WHERE name = '河北邯郸热电股份有限公司'")
                .query((rs, n) -> new LonLat(rs.getDouble(1), rs.getDouble(2))).single();
        long atPlant = Api.json(api("city").post("/api/alerts/tickets", """
                {"source":"MANUAL","title":"热电厂周边 SO2 高值","detail":"页面测试","lon":%s,"lat":%s,"disposalMinutes":120}"""
                .formatted(plant.lon(), plant.lat()))).get("id").asLong();
        open("/alerts/tickets/" + atPlant);
        assertThat(column("nearby", 2)).first().isEqualTo("河北邯郸热电股份有限公司");
        assertThat(column("nearby", 6).get(0)).startsWith("DA001").contains("SO₂");

        open("/enterprises/map");
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        waitUpTo(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('source-map'));
                const option = chart && chart.getOption();
                return !!option && option.series.length === 8;""")));
        assertThat(js.executeScript("""
                const o = echarts.getInstanceByDom(document.getElementById('source-map')).getOption();
                return o.series.slice(0, 5).reduce((n, s) => n + s.data.length, 0);""")).isEqualTo(
                jdbc.sql("SELECT count(*) FROM enterprise WHERE lon IS NOT NULL AND status = 'OPERATING'").query(Long.class).single());
        assertThat(text("source-map-count")).contains("家企业", "个站点", "条未办结推送");
        Thread.sleep(800);
        screenshot("enterprise-map");

        signIn("wuan", "lantian2023");
        open("/enterprises/map");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElement(By.id("source-map-count")).getText().isEmpty());
        long wuanCount = jdbc.sql("SELECT count(*) FROM enterprise WHERE lon IS NOT NULL AND status = 'OPERATING' AND county_code = '130481'")
                .query(Long.class).single();
        assertThat(text("source-map-count")).startsWith(wuanCount + " 家企业");
    }
}
