package org.lantian.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A half-month of this year's plan: reports and their review, statuses, a reminder, and overdue tasks becoming instructions. */
@PlatformTest
class PlanProgressTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    PlanWatch watch;

    @Test
    void reportsAreReviewedStatusesFollowAndAnOverdueTaskBecomesAnInstructionToItsLeadUnit() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
        int year = today.getYear();
        JsonNode imported = Api.json(as("city").upload("/api/plan/" + year + "/workbook?title=" + java.net.URLEncoder.encode("测试年度方案", "UTF-8"),
                "方案.xlsx", workbook(today)));
        assertThat(imported.get("stored").asBoolean()).as(imported.toString()).isTrue();
        JsonNode tasks = Api.json(as("city").get("/api/plan/" + year + "/tasks"));
        long overdue = id(tasks, 1);
        long dueSoon = id(tasks, 2);
        long later = id(tasks, 3);
        assertThat(status(year, "tasks", overdue)).isEqualTo("OVERDUE");
        assertThat(status(year, "tasks", dueSoon)).as("no report and the deadline near").isEqualTo("AT_RISK");
        assertThat(status(year, "tasks", later)).isEqualTo("NOT_STARTED");

        // the watch: the overdue task to its lead unit, a reminder for the one due soon; said once
        PlanWatch.Pass pass = watch.watch();
        assertThat(pass.overdue()).isEqualTo(1);
        assertThat(pass.reminders()).isEqualTo(1);
        PlanWatch.Pass again = watch.watch();
        assertThat(again.reminders() + again.overdue()).as("said once").isZero();
        var instruction = jdbc.sql("""
                        SELECT i.title, i.body, t.unit FROM plan_notice n JOIN alerts_instruction i ON i.id = n.instruction_id
                          JOIN alerts_instruction_target t ON t.instruction_id = i.id WHERE n.item_kind = 'TASK' AND n.item_id = ? AND n.kind = 'OVERDUE'""")
                .param(overdue).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(instruction.get(0)).startsWith("方案事项逾期：任务“测试任务一”");
        assertThat(instruction.get(1)).contains("已逾期 5 天", "尚无经审核的进展");
        assertThat(instruction.get(2)).isEqualTo("市生态环境局");
        assertThat(Api.json(as("sthjj").get("/api/alerts/instructions")).toString()).contains("方案事项逾期：任务“测试任务一”");

        // the monthly call: from the 25th, each unit with open items and nothing reported this month, once
        LocalDate callDay = today.withDayOfMonth(Math.max(25, today.getDayOfMonth()));
        int called = pass.called() + watch.callForReports(callDay);   // from the 25th the first pass has called them already
        assertThat(called).as("市生态环境局 for its tasks, 武安市 for its project").isEqualTo(2);
        assertThat(watch.callForReports(callDay)).isZero();
        assertThat(watch.callForReports(today.withDayOfMonth(24))).as("before the 25th nobody is called").isZero();

        // reports: the lead department reports, the city office reviews
        long first = Api.json(as("sthjj").post("/api/plan/tasks/" + later + "/reports", "{\"percent\": 10, \"text\": \"已制定方案\"}")).get("id").asLong();
        assertThat(status(year, "tasks", later)).as("a pending report counts for nothing yet").isEqualTo("NOT_STARTED");
        assertThat(Api.json(as("sthjj").post("/api/plan/reports/" + first + "/review", "{\"accept\": true}")).get("status").asInt()).isEqualTo(403);
        var noNote = as("city").post("/api/plan/reports/" + first + "/review", "{\"accept\": false}");
        assertThat(Api.json(noNote).get("detail").asString()).startsWith("note：");
        as("city").post("/api/plan/reports/" + first + "/review", "{\"accept\": true}");
        assertThat(status(year, "tasks", later)).as("10 % with most of the time gone").isEqualTo("AT_RISK");
        long second = Api.json(as("sthjj").post("/api/plan/tasks/" + later + "/reports", "{\"percent\": 95, \"text\": \"主体完工\"}")).get("id").asLong();
        as("city").post("/api/plan/reports/" + second + "/review", "{\"accept\": true}");
        assertThat(status(year, "tasks", later)).isEqualTo("ON_TRACK");
        var done = as("sthjj").post("/api/plan/tasks/" + later + "/reports", "{\"percent\": 90, \"done\": true, \"text\": \"完成\"}");
        assertThat(Api.json(done).get("detail").asString()).startsWith("percent：");
        assertThat(as("viewer").post("/api/plan/tasks/" + later + "/reports", "{\"percent\": 90, \"text\": \"x\"}").getStatusCode().value()).isEqualTo(403);

        // evidence with a report: a photo is kept, a page pretending to be one is refused by name
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var fake = as("sthjj").form("/api/plan/tasks/" + later + "/reports", java.util.Map.of("percent", "96", "text", "现场照片"), "files",
                java.util.Map.of("现场.png", "<html>not a photo</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Api.json(fake).get("detail").asString()).isEqualTo("files：“现场.png”不是照片（JPEG、PNG、WebP）或 PDF");
        JsonNode withPhoto = Api.json(as("sthjj").form("/api/plan/tasks/" + later + "/reports", java.util.Map.of("percent", "96", "text", "现场照片"),
                "files", java.util.Map.of("现场.png", png)));
        assertThat(withPhoto.get("files")).hasSize(1);
        String file = "/api/plan/reports/" + withPhoto.get("id").asLong() + "/files/" + withPhoto.get("files").get(0).get("id").asLong();
        var photo = as("city").download(file);
        assertThat(photo.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(photo.getBody()).isEqualTo(png);
        assertThat(as("wuan").download(file).getStatusCode().value()).as("another unit's report").isEqualTo(404);

        // a county reports on its own project, sees its own reports only, and cannot reach another county's project
        JsonNode projects = Api.json(as("wuan").get("/api/plan/" + year + "/projects"));
        long project = projects.get(0).get("item").get("id").asLong();
        assertThat(projects).hasSize(1);
        assertThat(Api.json(as("wuan").post("/api/plan/projects/" + project + "/reports", "{\"percent\": 40, \"text\": \"设备已进场\"}")).get("unit")
                .asString()).isEqualTo("130481");
        assertThat(as("hanshan").post("/api/plan/projects/" + project + "/reports", "{\"percent\": 40, \"text\": \"x\"}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(Api.json(as("hanshan").get("/api/plan/" + year + "/projects"))).isEmpty();
        as("hanshan").post("/api/plan/tasks/" + later + "/reports", "{\"percent\": 50, \"text\": \"邯山区落实情况\"}");
        assertThat(Api.json(as("wuan").get("/api/plan/tasks/" + later + "/reports"))).isEmpty();
        assertThat(Api.json(as("hanshan").get("/api/plan/tasks/" + later + "/reports"))).hasSize(1);
        assertThat(Api.json(as("city").get("/api/plan/tasks/" + later + "/reports"))).hasSize(4);

        // a reported target: its lead unit reports the value, the board shows it against the expected
        JsonNode board = Api.json(as("city").get("/api/plan/" + year + "/targets"));
        long checks = board.get(0).get("target").get("id").asLong();
        assertThat(as("wuan").post("/api/plan/targets/" + checks + "/reports", "{\"value\": 100, \"text\": \"x\"}").getStatusCode().value())
                .isEqualTo(403);
        long value = Api.json(as("sthjj").post("/api/plan/targets/" + checks + "/reports", "{\"value\": 9500, \"text\": \"累计路检 9500 辆次\"}"))
                .get("id").asLong();
        as("city").post("/api/plan/reports/" + value + "/review", "{\"accept\": true}");
        JsonNode line = Api.json(as("city").get("/api/plan/" + year + "/targets")).get(0);
        assertThat(line.get("value").decimalValue()).isEqualByComparingTo("9500");
        assertThat(line.get("expected").decimalValue()).isEqualByComparingTo(TargetBoard.expected(new PlanItems.Target(0, year, 1, "", 
                new java.math.BigDecimal("10000"), "辆次", PlanItems.Comparison.AT_LEAST, today.plusDays(20), TargetSource.REPORTED, ""), year, today));
        long more = Api.json(as("sthjj").post("/api/plan/targets/" + checks + "/reports", "{\"value\": 9800, \"text\": \"累计路检 9800 辆次\"}"))
                .get("id").asLong();
        as("city").post("/api/plan/reports/" + more + "/review", "{\"accept\": true}");
        JsonNode trended = Api.json(as("city").get("/api/plan/" + year + "/targets")).get(0);
        assertThat(trended.get("previous").decimalValue()).isEqualByComparingTo("9500");
        assertThat(trended.get("value").decimalValue()).isEqualByComparingTo("9800");
        assertThat(board.get(1).get("target").get("source").asString()).isEqualTo("WHITELIST_SIZE");
        assertThat(board.get(1).get("value").isNull()).as("live from the register").isFalse();

        // half a month on: the task that was due soon is overdue and becomes an instruction
        try {
            clock.advance(Duration.ofDays(15));
            PlanWatch.Pass later15 = watch.watch();
            assertThat(later15.overdue()).isEqualTo(1);
            assertThat(status(year, "tasks", dueSoon)).isEqualTo("OVERDUE");
        } finally {
            clock.reset();
        }
    }

    private String status(int year, String kind, long id) {
        for (JsonNode n : Api.json(as("city").get("/api/plan/" + year + "/" + kind))) {
            if (n.get("item").get("id").asLong() == id) {
                return n.get("state").get("status").asString();
            }
        }
        throw new AssertionError(kind + " " + id);
    }

    private static long id(JsonNode tasks, int seq) {
        for (JsonNode n : tasks) {
            if (n.get("item").get("seq").asInt() == seq) {
                return n.get("item").get("id").asLong();
            }
        }
        throw new AssertionError("task " + seq);
    }

    /** This year's plan: a task overdue by five days, one due in five, one due in a hundred; a project in 武安; two targets. */
    private static byte[] workbook(LocalDate today) {
        OfficeWorkbook.Writer w = OfficeWorkbook.writer(PlanSheets.ANNEX1).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX1))
                .row(Arrays.asList(1, "武安市", "钢铁", "测试钢铁有限公司", "关停 1 号高炉", "转型升级", today.plusDays(50).toString()));
        w.sheet(PlanSheets.ANNEX2).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX2));
        w.sheet(PlanSheets.ANNEX3).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX3));
        w.sheet(PlanSheets.ANNEX4).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX4));
        w.sheet(PlanSheets.ANNEX5).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX5))
                .row(Arrays.asList(1, "测试措施", "测试任务一", "测试任务一的目标", "市生态环境局", "市工业和信息化局", today.minusDays(5).toString()))
                .row(Arrays.asList(2, "测试措施", "测试任务二", "测试任务二的目标", "市生态环境局 市大气办", "", today.plusDays(5).toString()))
                .row(Arrays.asList(3, "测试措施", "测试任务三", "测试任务三的目标", "市生态环境局", "", today.plusDays(100).toString()));
        w.sheet(PlanSheets.TARGETS).header(PlanSheets.COLUMNS.get(PlanSheets.TARGETS))
                .row(Arrays.asList(1, "路检路查重型货车", 10000, "辆次", "不低于", today.plusDays(20).toString(), "REPORTED", "市生态环境局"))
                .row(Arrays.asList(2, "白名单企业", 350, "家", "不低于", today.plusDays(20).toString(), "WHITELIST_SIZE", "市生态环境局"));
        return w.bytes();
    }
}
