package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class PagesBrowserTests extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheOverview() throws Exception {
        signIn("city", "not-the-password");
        assertThat(browser().findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
        screenshot("login-failed");

        signIn("city", "lantian2023");
        assertThat(browser().getTitle()).startsWith("总览");
        assertThat(Integer.parseInt(browser().findElement(By.id("station-count")).getText())).isGreaterThanOrEqualTo(47);
        screenshot("home");
    }

    @Test
    void theOverviewShowsTheCityAqiNowAndACountyUserOnlyItsOwnCounty() throws Exception {
        signIn("city", "lantian2023");
        waitUpTo(Duration.ofSeconds(30)).until(d -> {
            open("/");
            return !d.findElements(By.id("city-aqi")).isEmpty();
        });
        assertThat(browser().findElement(By.id("city-aqi")).getText()).matches("\\d+|NA");
        assertThat(column("county-now", 1)).hasSizeGreaterThan(10);
        assertThat(browser().findElement(By.id("targets")).getText()).contains("今天的控制值为", "重污染天数");
        // the city's last 72 hours (AQI and PM2.5, each with its unit) and this year's months against last year
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        waitUpTo(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('chart-72h'));
                const option = chart && chart.getOption();
                return !!option && option.series.length === 2 && option.series[0].data.length > 0;""")));
        assertThat(js.executeScript("""
                const o = echarts.getInstanceByDom(document.getElementById('chart-72h')).getOption();
                return o.yAxis.map(a => a.name).join('|') + '|' + o.useUTC;""")).isEqualTo("AQI|PM2.5（μg/m³）|true");
        waitUpTo(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('chart-months'));
                const option = chart && chart.getOption();
                return !!option && option.series.length === 2 && option.yAxis[0].name === 'μg/m³';""")));
        Thread.sleep(500);
        screenshot("overview");

        signIn("congtai", "lantian2023");
        open("/");
        assertThat(column("county-now", 1)).containsExactly("丛台区");
        assertThat(browser().findElement(By.id("city-aqi")).getText()).matches("\\d+|NA");
    }

    @Test
    void theRankingPageRanksAllTwentyUnitsForEveryUser() throws Exception {
        signIn("congtai", "lantian2023");
        open("/airquality/ranking?period=CUSTOM&from=2024-10-01&to=2024-10-01");
        assertThat(column("ranking", 2)).hasSize(20).contains("丛台区", "邯山区", "冀南新区");
        signIn("city", "lantian2023");
        open("/airquality/ranking?period=YEAR_TO_DATE&view=PM25");
        assertThat(column("ranking", 2)).hasSize(20);
        screenshot("ranking");
    }

    @Test
    void theMapDrawsTheCountiesAndTheStationsACountyUserMaySee() throws Exception {
        signIn("city", "lantian2023");
        open("/airquality/map");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#map canvas")).isEmpty()
                && !d.findElement(By.id("map-hour")).getText().isEmpty());
        Thread.sleep(800); // let ECharts finish drawing before the picture
        screenshot("map");
        assertThat(column("zones", 1)).contains("冀南新区", "开发区");

        signIn("congtai", "lantian2023");
        open("/airquality/map");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#map canvas")).isEmpty());
        assertThat(column("zones", 1)).isEmpty(); // only 丛台区, which has a boundary
        assertThat(text("zones-empty")).contains("没有无边界的管理区");
        // the county user's map opens on the county, and the county names are drawn over the station dots
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('map'));
                const option = chart && chart.getOption();
                return !!option && option.series.length === 3;""")));
        assertThat(js.executeScript("""
                const o = echarts.getInstanceByDom(document.getElementById('map')).getOption();
                const names = o.series[2];
                return o.geo[0].zoom + '|' + (names.z > o.series[1].z) + '|'
                    + names.data.some(d => d.name === '丛台区') + '|' + o.series[1].itemStyle.borderColor;"""))
                .isEqualTo("2.5|true|true|#333");
        Thread.sleep(500);
        screenshot("map-county");
    }

    @Test
    void theCalendarShowsAYearOfDailyAqiForTheAreasAUserMaySee() throws Exception {
        signIn("congtai", "lantian2023");
        open("/airquality/calendar");
        assertThat(browser().findElements(By.cssSelector("#area option"))).extracting(WebElement::getText)
                .containsExactly("邯郸市", "丛台区");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#calendar canvas")).isEmpty());
        Thread.sleep(500);
        screenshot("calendar");
        expectRefusal("/api/airquality/areas/130402/days");
        open("/airquality/calendar?area=130402");
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("calendar")).getText().contains("404"));
    }

    @Test
    void theCityOfficeSetsACountysTargetsOnThePageAndTheCountySeesOnlyItsOwn() throws Exception {
        signIn("city", "lantian2023");
        open("/airquality/targets?year=2025");
        assertThat(column("targets", 1)).hasSize(21);
        var form = browser().findElement(By.id("target-form"));
        new Select(form.findElement(By.name("area"))).selectByValue("130426");
        form.findElement(By.name("pm25")).sendKeys("42");
        form.findElement(By.name("heavyDaysCap")).sendKeys("10");
        form.findElement(By.name("reason")).sendKeys("涉县 2025 年目标");
        form.findElement(By.id("save-target")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("target-saved")).isEmpty());
        assertThat(text("target-saved")).contains("已保存涉县 2025 年目标");
        var saved = browser().findElement(By.cssSelector("#targets tr[data-area='130426']"));
        assertThat(saved.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("42");
        assertThat(saved.findElement(By.cssSelector("td:nth-child(9)")).getText()).isEqualTo("10");
        assertThat(browser().findElement(By.cssSelector("#target-form [name=pm25]")).getDomProperty("value")).as("the saved area stays in the form").isEqualTo("42");
        screenshot("targets");

        // a word where a number belongs: the form again, the message beside the field, what was typed kept
        form = browser().findElement(By.id("target-form"));
        new Select(form.findElement(By.name("area"))).selectByValue("130427");
        form.findElement(By.name("pm25")).clear();
        form.findElement(By.name("pm25")).sendKeys("四十五");
        form.findElement(By.name("heavyDaysCap")).clear();
        form.findElement(By.name("reason")).sendKeys("磁县目标");
        expectRefusal("/airquality/targets");   // the 400 of the form post is the answer under test
        form.findElement(By.id("save-target")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=pm25]")).isEmpty());
        assertThat(browser().findElement(By.cssSelector(".field-error[data-field=pm25]")).getText()).contains("PM2.5 目标", "数字", "四十五");
        form = browser().findElement(By.id("target-form"));
        assertThat(form.findElement(By.name("pm25")).getDomProperty("value")).isEqualTo("四十五");
        assertThat(form.findElement(By.name("reason")).getDomProperty("value")).isEqualTo("磁县目标");
        assertThat(new Select(form.findElement(By.name("area"))).getFirstSelectedOption().getText()).isEqualTo("磁县");
        assertThat(browser().findElement(By.cssSelector("#targets tr[data-area='130427'] td:nth-child(2)")).getText())
                .as("nothing saved").isEqualTo("未设");
        screenshot("error-form");

        signIn("congtai", "lantian2023");
        open("/airquality/targets?year=2025");
        assertThat(column("targets", 1)).containsExactly("邯郸市", "丛台区");
        assertThat(browser().findElements(By.id("target-form"))).isEmpty();
        open("/airquality/targets");
        if (java.time.LocalDate.now(org.lantian.standards.BeijingTime.ZONE).getDayOfYear() > 1) {
            // the county's year so far shows before any target is set
            assertThat(browser().findElement(By.cssSelector("#targets tr[data-area='130403'] td:nth-child(2)")).getText()).isEqualTo("未设");
            assertThat(browser().findElement(By.cssSelector("#targets tr[data-area='130403'] td:nth-child(3)")).getText()).matches("\\d+(\\.\\d)?");
        }
    }

    @Test
    void theCityOfficeSeesEveryCountysStationsAndCanFilterThem() throws Exception {
        signIn("city", "lantian2023");
        open("/stations");
        assertThat(column("stations", 4)).contains("丛台区", "邯山区", "武安市", "冀南新区", "开发区");
        screenshot("stations");

        open("/stations?stationClass=NATIONAL");
        assertThat(column("stations", 3)).containsOnly("国控点");
        assertThat(column("stations", 1)).contains("1047A", "1049A", "3580A");
    }

    @Test
    void aCountyUserSeesOnlyItsOwnStationsAndNotAnotherCountysPage() throws Exception {
        signIn("congtai", "lantian2023");
        open("/stations");
        assertThat(column("stations", 4)).isNotEmpty().containsOnly("丛台区");
        screenshot("stations-county");

        open("/stations/1049A");
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("不存在");
        open("/audit");
        assertThat(column("audit", 5)).containsOnly("丛台区");
    }

    @Test
    void theAuditLogReadsInChineseFiltersAndPagesAndFitsThePage() throws Exception {
        signIn("city", "lantian2023");
        open("/audit");
        assertThat(column("audit", 3)).isNotEmpty().noneMatch(a -> a.matches("[a-z]+\\.[a-z.-]+"));   // no action keys
        assertThat(column("audit", 2)).noneMatch(a -> a.equals("city"));                                  // people, not logins
        long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(width).as("no wider than the window").isLessThanOrEqualTo(1920);
        screenshot("audit");
        new org.openqa.selenium.support.ui.Select(browser().findElement(By.name("action"))).selectByVisibleText("登记站点");
        browser().findElement(By.cssSelector("#audit-filters button")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("action=monitoring.station.registered"));
        assertThat(column("audit", 3)).isNotEmpty().containsOnly("登记站点");
        open("/audit?actor=system");
        assertThat(column("audit", 2)).isNotEmpty().containsOnly("系统");
        open("/audit?action=monitoring.station.registered&offset=50");
        assertThat(browser().findElements(By.id("audit-newer"))).hasSize(1);
    }

    @Test
    void aStationPageDrawsAChartForEachPollutant() throws Exception {
        signIn("city", "lantian2023");
        open("/stations/1050A");
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#charts canvas")).size() >= 7);
        assertThat(browser().findElements(By.cssSelector("#charts .chart"))).hasSize(7); // AQI and the six pollutants
        Thread.sleep(500); // let ECharts finish its entry animation before the picture is taken
        // the browser runs in UTC; the chart's axis is Beijing time all the same (useUTC over instants + 8 h)
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        Object lastX = js.executeScript("const o = echarts.getInstanceByDom(document.getElementById('chart-AQI')).getOption();"
                + "const data = o.series[0].data; return o.useUTC && data.length ? data[data.length - 1][0] : null;");
        assertThat(lastX).as("the AQI chart has data on a Beijing-time axis").isNotNull();
        assertThat(js.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("UTC");
        screenshot("station");
    }

    @Test
    void aCsvUploadedThroughThePageIsReportedLineByLine() throws Exception {
        signIn("city", "lantian2023");
        open("/imports");
        Path csv = Files.createTempFile("upload", ".csv");
        Files.writeString(csv, "station,pollutant,averaging,period_end,value,flag\n"
                + "1050A,SO2,1h,2024-09-01 01:00,8,N\n1050A,SO2,1h,2024-09-01 02:00,x,N\n");
        browser().findElement(By.cssSelector("form[action$='/imports/csv'] input[type=file]")).sendKeys(csv.toString());
        browser().findElement(By.cssSelector("form[action$='/imports/csv'] button")).click();
        String report = browser().findElement(By.id("import-report")).getText();
        assertThat(report).contains("新增 1 条", "拒收 1 条", "不是数值");
        screenshot("imports");
    }

    /** Many daily files are sent one request each, with progress, so a year never meets the server's part limit. */
    @Test
    void manyNationalFilesImportOneByOneWithProgress() throws Exception {
        signIn("city", "lantian2023");
        open("/imports");
        List<String> paths = new java.util.ArrayList<>();
        Path folder = Files.createTempDirectory("year");
        for (int day = 1; day <= 60; day++) {
            String date = java.time.LocalDate.of(2022, 1, 1).plusDays(day - 1).toString().replace("-", "");
            Path file = folder.resolve("china_sites_" + date + ".csv");
            Files.writeString(file, "date,hour,type,1050A,9999Z\n" + date + ",5,PM2.5,30,40\n");
            paths.add(file.toString());
        }
        browser().findElement(By.cssSelector("#china-sites-form input[type=file]")).sendKeys(String.join("\n", paths));
        browser().findElement(By.cssSelector("#china-sites-form button")).click();
        waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElement(By.cssSelector("#china-sites-form .upload-progress")).getText()
                .contains("已处理 60 个文件，全部导入"));
        List<WebElement> rows = browser().findElements(By.cssSelector(".upload-results tbody tr"));
        assertThat(rows).hasSize(60);
        assertThat(rows.get(0).getText()).contains("china_sites_20220101.csv").endsWith("1");   // the foreign column, apart
        screenshot("imports-year");
    }

    @Test
    void theKeyCityPageShowsHandansPlaceAndOnlyTheCityOfficeImportsTables() throws Exception {
        signIn("wuan", "lantian2023");
        open("/airquality/key-cities");
        assertThat(column("key-city-ranking", 2)).hasSize(168).contains("邯郸", "北京");
        assertThat(browser().findElement(By.cssSelector("#key-city-ranking tr.mark")).getText()).contains("邯郸");
        assertThat(browser().findElement(By.id("handan-place")).getText()).contains("第", "名");
        assertThat(browser().findElements(By.cssSelector("form[action$='/key-cities/official']"))).isEmpty();

        signIn("city", "lantian2023");
        open("/airquality/key-cities?list=HEBEI_CITIES");
        assertThat(column("key-city-ranking", 2)).hasSize(11);
        open("/airquality/key-cities");
        Path table = Files.createTempFile("official", ".csv");
        Files.writeString(table, "排名,城市,综合指数\n150,邯郸,5.61\n");
        LocalDate yesterday = LocalDate.now().minusDays(1);
        setDate("form[action$='/key-cities/official'] input[name=from]", yesterday.withDayOfYear(1));
        setDate("form[action$='/key-cities/official'] input[name=to]", yesterday);
        browser().findElement(By.cssSelector("form[action$='/key-cities/official'] input[name=source]")).sendKeys("测试来源");
        browser().findElement(By.cssSelector("form[action$='/key-cities/official'] input[type=file]")).sendKeys(table.toString());
        browser().findElement(By.cssSelector("form[action$='/key-cities/official'] button")).click();
        waitUpTo(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("handan-place")).getText().contains("官方排名：第 150 名"));
        screenshot("key-cities");
    }

    /** Sets a date input's value directly: what the keyboard takes depends on the browser's locale. */
    private void setDate(String selector, LocalDate day) {
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1]",
                browser().findElement(By.cssSelector(selector)), day.toString());
    }

    @Test
    void theReviewPageOffersTheImportOnlyToTheCityOffice() throws Exception {
        signIn("city", "lantian2023");
        open("/airquality/review");
        Path csv = Files.createTempFile("reviewed", ".csv");
        Files.writeString(csv, "station,pollutant,averaging,period_end,value,flag\n1050A,SO2,1h,2020-02-01 01:00,x,N\n");
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("document.getElementById('month').value = '2020-02'");
        browser().findElement(By.cssSelector("form[action$='/airquality/review'] input[type=file]")).sendKeys(csv.toString());
        browser().findElement(By.cssSelector("form[action$='/airquality/review'] button")).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("review-outcome")).isEmpty());
        assertThat(browser().findElement(By.id("review-outcome")).getText()).contains("1 行被拒收", "不是数值");
        screenshot("review");
        signIn("hanshan", "lantian2023");
        open("/airquality/review");
        assertThat(browser().findElements(By.cssSelector("form[action$='/airquality/review']"))).isEmpty();
    }

    @Test
    void theDevicePagesShowStatusPacketsAndTheEmissionChartWithinTheCountyScope() throws Exception {
        signIn("city", "lantian2023");
        open("/gateway/devices");
        assertThat(column("devices", 1)).contains("DEMO-STACK-01", "DEMO-DUST-01");
        screenshot("devices");
        open("/gateway/devices/DEMO-STACK-01");
        assertThat(browser().findElement(By.id("packets")).getText()).contains("CN=2061", "MN=DEMO-STACK-01");
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#emission-chart canvas")).isEmpty());
        browser().findElement(By.cssSelector("form[action$='/commands'] input[name=parameters]")).sendKeys("RtdInterval=60");
        new org.openqa.selenium.support.ui.Select(browser().findElement(By.cssSelector("form[action$='/commands'] select[name=cn]")))
                .selectByValue("1062");
        browser().findElement(By.cssSelector("form[action$='/commands'] button")).click();
        waitUpTo(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("commands")).getText().contains("RtdInterval=60"));
        assertThat(browser().findElement(By.id("commands")).getText()).contains("待下发");
        screenshot("device");
        signIn("hanshan", "lantian2023");
        open("/gateway/devices");
        assertThat(column("devices", 1)).contains("DEMO-DUST-01").doesNotContain("DEMO-STACK-01");
        assertThat(browser().findElements(By.id("device-form"))).isEmpty();
        // a dust monitor's particles in µg/m³ and its noise in dB(A), each on an axis of its own unit
        open("/gateway/devices/DEMO-DUST-01");
        var js = (org.openqa.selenium.JavascriptExecutor) browser();
        waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('emission-chart'));
                const option = chart && chart.getOption();
                return !!option && option.series.length > 0;""")));
        assertThat(js.executeScript("""
                const o = echarts.getInstanceByDom(document.getElementById('emission-chart')).getOption();
                return o.yAxis.map(a => a.name).join('|') + ' / ' + o.series.map(s => s.name + '@' + s.yAxisIndex).join('|');"""))
                .isEqualTo("µg/m³|dB(A) / TSP（µg/m³）@0|PM10（µg/m³）@0|PM2.5（µg/m³）@0|噪声（dB(A)）@1");
        // the line reaches the newest hour the device sent (an hour's data is stamped with its start; the axis is Beijing time)
        Number lastX = (Number) js.executeScript("""
                const data = echarts.getInstanceByDom(document.getElementById('emission-chart')).getOption().series[0].data;
                return data[data.length - 1][0];""");
        java.time.Instant newest = jdbc.sql("SELECT max(data_time) FROM gateway_series_factor WHERE mn = 'DEMO-DUST-01' AND cn = '2061' AND factor = 'a34001'")
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(java.time.Instant.ofEpochMilli(lastX.longValue()).minus(Duration.ofHours(8))).isEqualTo(newest);
        Thread.sleep(500);
        screenshot("device-dust");
        open("/gateway/devices/DEMO-STACK-01");
        assertThat(browser().getPageSource()).doesNotContain("MN=DEMO-STACK-01");
    }

    @Test
    void theCityOfficeRegistersAnEnterpriseOnThePageAndAnotherCountyCannotOpenIt() throws Exception {
        String first17 = "91130481" + "PAGE00001".replace('E', 'F');
        String code = first17 + org.lantian.standards.CreditCode.checkCharacter(first17);
        String wrong = first17 + (code.endsWith("0") ? "1" : "0");
        signIn("city", "lantian2023");
        open("/enterprises");
        assertThat(text("enterprise-count")).startsWith("共");
        var form = browser().findElement(By.id("register"));
        form.findElement(By.name("creditCode")).sendKeys(wrong);
        form.findElement(By.name("name")).sendKeys("页面测试钢铁有限公司");
        new Select(form.findElement(By.name("countyCode"))).selectByValue("130481");
        form.findElement(By.name("industryCode")).sendKeys("3110");
        form.findElement(By.name("industryName")).sendKeys("炼铁");
        form.findElement(By.name("cluster")).sendKeys("武安钢铁");
        expectRefusal("/enterprises");
        form.findElement(By.id("register-enterprise")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=creditCode]")).isEmpty());
        assertThat(browser().findElement(By.cssSelector(".field-error[data-field=creditCode]")).getText()).contains("校验码应为");
        form = browser().findElement(By.id("register"));
        assertThat(form.findElement(By.name("name")).getDomProperty("value")).isEqualTo("页面测试钢铁有限公司");
        form.findElement(By.name("creditCode")).clear();
        form.findElement(By.name("creditCode")).sendKeys(code);
        form.findElement(By.id("register-enterprise")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/enterprises/" + code));
        assertThat(browser().findElement(By.id("particulars")).getText()).contains("武安市（人工指定）", "3110 炼铁", "武安钢铁", "在产");

        new Select(browser().findElement(By.name("scheme"))).selectByValue("GUIDE2020");
        new Select(browser().findElement(By.name("grade"))).selectByValue("B");
        browser().findElement(By.name("evidence")).sendKeys("2023 年评级");
        browser().findElement(By.id("record-grade")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("grades")).getText().contains("现为 B 级"));
        screenshot("enterprise");

        // the 2026 framework: the grade computed from the indicators typed one a line, the reason shown with it
        browser().findElement(By.cssSelector("#assess summary")).click();
        browser().findElement(By.cssSelector("#assess textarea")).sendKeys("钢铁 有组织排放 A\n钢铁 无组织排放 B\n石灰窑，有组织排放，A");
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript("arguments[0].value = '2099-01-01'",
                browser().findElement(By.cssSelector("#assess input[name=validFrom]")));
        browser().findElement(By.id("assess-grade")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("grades")).getText().contains("按 3 项指标评定"));
        assertThat(text("grades")).contains("2026 框架", "按 3 项指标评定为 B：短板指标 钢铁·无组织排放（B）；跨行业取最低：钢铁 B、石灰窑 A");

        open("/enterprises?county=130481&grade=B&q=" + code);
        assertThat(column("enterprises", 2)).contains(code);
        assertThat(text("grading-progress")).contains("绩效分级提升", "升 A 晋 B");
        screenshot("enterprises");

        // an annex enterprise of the demo: its outlet's device live, its lines and baselines
        open("/enterprises?q=" + java.net.URLEncoder.encode("河北邯郸热电", java.nio.charset.StandardCharsets.UTF_8));
        browser().findElement(By.linkText("河北邯郸热电股份有限公司")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("outlets")).isEmpty());
        assertThat(text("outlets")).contains("DA001", "DEMO-STACK-01", "SO₂", "限值 35");
        assertThat(text("lines")).contains("1号生产线", "治理设施");
        assertThat(text("baselines")).contains("颗粒物", "VOCs");
        screenshot("enterprise-outlets");

        signIn("hanshan", "lantian2023");
        open("/enterprises/" + code);
        assertThat(browser().findElement(By.tagName("h1")).getText()).contains("不存在");
        open("/enterprises");
        assertThat(column("enterprises", 2)).doesNotContain(code);
    }

    @Test
    void aCountyProposesAnEnterpriseForTheWhitelistAndTheCityOfficeIncludesIt() throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE county_code = '130481' AND name LIKE '%（演示）' ORDER BY credit_code LIMIT 1 OFFSET 7")
                .query(String.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE credit_code = ?").param(code).query(String.class).single();
        signIn("wuan", "lantian2023");
        open("/enterprises/" + code);
        browser().findElement(By.cssSelector("#whitelist input[name=reason]")).sendKeys("连续两年无违法记录，治理设施运行稳定");
        browser().findElement(By.id("propose-whitelist")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("whitelist")).getText().contains("待审核"));

        signIn("city", "lantian2023");
        open("/enterprises/whitelist");
        var row = browser().findElements(By.cssSelector("#proposed tbody tr[data-id]")).stream()
                .filter(r -> r.getText().contains("连续两年无违法记录")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button.primary")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("included")).getText().contains(name));
        assertThat(browser().findElement(By.id("included")).getText()).contains("180 天");
        assertThat(text("whitelist-progress")).contains("已纳入");
        screenshot("whitelist");

        // the year's targets: a word where a number belongs is answered beside the field, the rest kept
        int nextYear = java.time.LocalDate.now().getYear() + 1;
        var targets = browser().findElement(By.id("targets"));
        targets.findElement(By.name("year")).clear();
        targets.findElement(By.name("year")).sendKeys(String.valueOf(nextYear));
        targets.findElement(By.name("upgradeToA")).clear();
        targets.findElement(By.name("upgradeToA")).sendKeys("十二");
        targets.findElement(By.name("whitelist")).clear();
        targets.findElement(By.name("whitelist")).sendKeys("400");
        expectRefusal("/enterprises/targets");
        targets.findElement(By.id("set-targets")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=upgradeToA]")).isEmpty());
        assertThat(browser().findElement(By.cssSelector("#targets input[name=whitelist]")).getDomProperty("value")).isEqualTo("400");
        browser().findElement(By.cssSelector("#targets input[name=upgradeToA]")).clear();
        browser().findElement(By.cssSelector("#targets input[name=upgradeToA]")).sendKeys("15");
        browser().findElement(By.id("set-targets")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("targets")).getText().contains(nextYear + " 年：创 A 15 家"));
        assertThat(text("targets")).contains("白名单 400 家");
    }

    @Test
    void aWorkbookWithWrongRowsIsAnsweredRowByRowOnThePage() throws Exception {
        java.nio.file.Path book = java.nio.file.Files.createTempFile("清单", ".xlsx");
        java.nio.file.Files.write(book, org.lantian.platform.enterprises.RegisterWorkbookTests.workbook(5000, 60));
        signIn("city", "lantian2023");
        open("/enterprises");
        browser().findElement(By.cssSelector("#import input[name=file]")).sendKeys(book.toString());
        browser().findElement(By.id("import-workbook")).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("import-report")).isEmpty());
        assertThat(text("import-report")).contains("未导入：3 行有错误（共 60 行）", "校验码应为", "纽约", "114,5");
        screenshot("enterprises-import");
        assertThat(browser().findElement(By.id("export")).getDomAttribute("href")).contains("/api/enterprises/workbook");

        // the grades workbook through the same form: its rows named the same way
        java.nio.file.Path grades = java.nio.file.Files.createTempFile("分级", ".xlsx");
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE demo ORDER BY credit_code OFFSET 300 LIMIT 1").query(String.class).single();
        java.nio.file.Files.write(grades, org.lantian.platform.workbooks.OfficeWorkbook.writer("分级")
                .header(List.of("统一社会信用代码", "绩效等级", "生效日期")).row(List.of(code, "A", "2040-01-01")).row(List.of(code, "Z", "2041-01-01")).bytes());
        new org.openqa.selenium.support.ui.Select(browser().findElement(By.name("kind"))).selectByValue("GRADES");
        browser().findElement(By.cssSelector("#import input[name=file]")).sendKeys(grades.toString());
        browser().findElement(By.id("import-workbook")).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.id("import-summary")).stream().anyMatch(p -> p.getText().contains("未导入")));
        assertThat(text("import-errors")).contains("3", "绩效等级", "“Z”不是分级方案 GUIDE2020 的等级");
    }
}
