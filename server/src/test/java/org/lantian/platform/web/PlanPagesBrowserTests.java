package org.lantian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plan's pages in Chromium: the 2023 ledger filtered, a department's report refused then taken, the office's review, the targets and the bulletin. */
@PlatformTest
class PlanPagesBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void theLedgerFiltersADepartmentReportsTheOfficeReviewsAndTheBulletinReads() throws Exception {
        signIn("city", "lantian2023");
        open("/plan?year=2023");
        assertThat(browser().findElements(By.cssSelector("#plan-tasks tbody tr"))).hasSize(76);
        screenshot("plan-ledger");
        new Select(browser().findElement(By.name("unit"))).selectByValue("市发展改革委");
        browser().findElement(By.cssSelector("#plan-filters button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#plan-tasks tbody tr")).size() < 76);
        int involved = jdbc.sql("SELECT count(*) FROM plan_task WHERE year = 2023 AND ('市发展改革委' = ANY(lead_units) OR '市发展改革委' = ANY(partner_units))")
                .query(Integer.class).single();
        assertThat(column("plan-tasks", 5)).as("the tasks it leads or partners").hasSize(involved).anySatisfy(lead -> assertThat(lead).contains("市发展改革委"));
        open("/plan?year=2023&tab=projects&annex=1");
        assertThat(browser().findElements(By.cssSelector("#plan-projects tbody tr"))).hasSize(16);
        assertThat(column("plan-projects", 4)).contains("河北邯郸热电股份有限公司");

        long task = jdbc.sql("SELECT id FROM plan_task WHERE year = 2023 AND seq = 36").query(Long.class).single();
        signIn("sthjj", "lantian2023");
        open("/plan/tasks/" + task);
        browser().findElement(By.name("percent")).sendKeys("五十");
        browser().findElement(By.name("text")).sendKeys("已完成 3906 家企业纳入减排清单");
        expectRefusal("/plan/tasks/" + task + "/reports");
        browser().findElement(By.cssSelector("#report-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".field-error[data-field=percent]")).isEmpty());
        assertThat(browser().findElement(By.name("text")).getDomProperty("value")).as("what was typed is kept").contains("3906");
        browser().findElement(By.name("percent")).clear();
        browser().findElement(By.name("percent")).sendKeys("60");
        browser().findElement(By.cssSelector("#report-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("reports")).getText().contains("待审核"));
        assertThat(text("reports")).contains("市生态环境局", "60%", "已完成 3906 家企业纳入减排清单");
        screenshot("plan-task");

        signIn("city", "lantian2023");
        open("/plan/reviews");
        assertThat(text("pending-reports")).contains("市生态环境局");
        browser().findElement(By.cssSelector("#pending-reports button[value=true]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("pending-reports")).getText().contains("没有待审核的报送"));
        open("/plan/tasks/" + task);
        assertThat(text("reports")).contains("已采纳");

        open("/plan/targets?year=2023");
        assertThat(browser().findElements(By.cssSelector("#plan-targets tbody tr"))).hasSize(21);
        screenshot("plan-targets");
        open("/plan/bulletins");
        assertThat(browser().findElement(By.cssSelector(".official-document .doc-title")).getText()).isEqualTo("邯郸市大气污染防治工作半月通报");
        screenshot("plan-bulletin");

        signIn("wuan", "lantian2023");
        open("/plan/bulletins");
        assertThat(browser().findElements(By.cssSelector(".official-document"))).as("a county reads issued bulletins only").isEmpty();
        open("/plan?year=2023&tab=projects");
        assertThat(column("plan-projects", 3)).isNotEmpty().allSatisfy(county -> assertThat(county).isEqualTo("武安市"));
    }
}
