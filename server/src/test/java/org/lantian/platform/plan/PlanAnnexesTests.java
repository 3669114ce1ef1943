package org.lantian.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.workbooks.OfficeWorkbook;
import tools.jackson.databind.JsonNode;

/** The 2023 plan's annexes as shipped, row for row against the plan text, and the workbook they are kept in. */
@PlatformTest
class PlanAnnexesTests extends ApiTest {

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void the2023AnnexesAreThereRowForRow() {
        assertThat(count("SELECT count(*) FROM plan_project WHERE year = 2023 AND annex = 1")).as("annex 1: 16 closures and relocations").isEqualTo(16);
        assertThat(count("SELECT count(*) FROM plan_project WHERE year = 2023 AND annex = 2")).as("annex 2: 50 treatment projects").isEqualTo(50);
        assertThat(count("SELECT count(DISTINCT seq) FROM plan_project WHERE year = 2023 AND annex = 3")).as("annex 3: 20 counties").isEqualTo(20);
        assertThat(count("SELECT sum(quantity) FROM plan_project WHERE year = 2023 AND annex = 3")).as("432 VOCs projects").isEqualTo(432);
        assertThat(count("SELECT sum(quantity) FROM plan_project WHERE year = 2023 AND annex = 3 AND type = '无组织提升改造'")).isEqualTo(239);
        assertThat(count("SELECT sum(quantity) FROM plan_project WHERE year = 2023 AND annex = 3 AND type = '末端提升'")).isEqualTo(112);
        assertThat(count("SELECT count(*) FROM plan_project WHERE year = 2023 AND annex = 4")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plan_task WHERE year = 2023")).as("annex 5: 76 rows of tasks").isEqualTo(76);
        assertThat(count("SELECT count(*) FROM plan_target WHERE year = 2023")).isEqualTo(21);

        JsonNode projects = Api.json(as("city").get("/api/plan/2023/projects"));
        JsonNode thermal = find(projects, p -> p.get("annex").asInt() == 1 && p.get("seq").asInt() == 16);
        assertThat(thermal.get("countyCode").asString()).isEqualTo("130403");
        assertThat(thermal.get("enterprise").asString()).isEqualTo("河北邯郸热电股份有限公司");
        assertThat(thermal.get("content").asString()).isEqualTo("关停 2 台 220MW 机组");
        assertThat(thermal.get("type").asString()).isEqualTo("退城搬迁");
        assertThat(thermal.get("deadline").asString()).isEqualTo("2023-12-31");
        assertThat(thermal.get("creditCode").isNull()).as("linked to the register's enterprise of that name").isFalse();
        JsonNode furnace = find(projects, p -> p.get("annex").asInt() == 1 && p.get("seq").asInt() == 1);
        assertThat(furnace.get("content").asString()).isEqualTo("关停 1#600m³ 高炉");
        assertThat(furnace.get("deadline").asString()).isEqualTo("2023-11-15");
        JsonNode taihang = find(projects, p -> p.get("annex").asInt() == 2 && p.get("seq").asInt() == 13);
        assertThat(taihang.get("enterprise").asString()).isEqualTo("河北太行钢铁集团有限公司");
        assertThat(taihang.get("content").asString()).isEqualTo("高速线材加热炉深度减排");
        assertThat(taihang.get("deadline").asString()).isEqualTo("2023-08-31");
        JsonNode yongnian = find(projects, p -> p.get("annex").asInt() == 3 && p.get("countyCode").asString().equals("130408")
                && p.get("type").asString().equals("深度治理"));
        assertThat(yongnian.get("quantity").asInt()).isEqualTo(32);
        JsonNode wanhe = find(projects, p -> p.get("annex").asInt() == 4);
        assertThat(wanhe.get("content").asString()).isEqualTo("邯郸市万合喷涂中心");
        assertThat(wanhe.get("park").asString()).isEqualTo("邯山经济开发区");
        assertThat(wanhe.get("deadline").asString()).isEqualTo("2023-09-30");

        JsonNode tasks = Api.json(as("city").get("/api/plan/2023/tasks"));
        JsonNode whitelist = find(tasks, t -> t.get("target").asString().contains("白名单企业（项目）达到350家（个）以上"));
        assertThat(whitelist.get("measure").asString()).isEqualTo("深化服务绿色转型高质量发展");
        assertThat(whitelist.get("name").asString()).isEqualTo("2. 完善生态环境监管单白名制度。");
        assertThat(whitelist.get("leadUnits").toString()).isEqualTo("[\"市生态环境局\"]");
        assertThat(whitelist.get("deadline").asString()).isEqualTo("2023-12-31");
        JsonNode forklifts = find(tasks, t -> t.get("target").asString().startsWith("新增或更新的3吨下叉车"));
        assertThat(forklifts.get("leadUnits").toString()).as("a merged cell of the annex split back into its rows").isEqualTo("[\"市生态环境局\"]");
        JsonNode vocs = find(tasks, t -> t.get("target").asString().startsWith("开展 VOCs 治理专项行动"));
        assertThat(vocs.get("deadline").asString()).isEqualTo("2023-05-31");
        assertThat(vocs.get("partnerUnits").toString()).isEqualTo("[\"市工业和信息化局\",\"市建设局\",\"市城管执法局\"]");
        assertThat(find(tasks, t -> t.get("deadlineText").asString().equals("全年")).get("deadline").asString())
                .isEqualTo("2023-12-31");

        // a county sees the projects in its county only
        JsonNode wuan = Api.json(as("wuan").get("/api/plan/2023/projects"));
        assertThat(wuan.size()).isGreaterThan(10);
        wuan.forEach(p -> assertThat(p.get("item").get("countyCode").asString()).isEqualTo("130481"));
    }

    @Test
    void theWorkbookGoesOutAndComesBackAndAWrongCellIsNamed() throws Exception {
        byte[] book = as("city").download("/api/plan/2023/workbook").getBody();
        Map<String, OfficeWorkbook.Parsed> sheets = OfficeWorkbook.readSheets(new ByteArrayInputStream(book), PlanSheets.COLUMNS, 5000);
        assertThat(sheets.keySet()).containsExactly("附件1", "附件2", "附件3", "附件4", "附件5", "数值目标");
        assertThat(sheets.get("附件5").lines()).hasSize(76);
        assertThat(sheets.get("附件3").lines()).hasSize(20);

        JsonNode refused = Api.json(as("city").upload("/api/plan/2098/workbook?title=" + java.net.URLEncoder.encode("测试方案", "UTF-8"),
                "方案.xlsx", edited(book)));
        assertThat(refused.get("stored").asBoolean()).isFalse();
        assertThat(refused.get("errors").toString()).contains("\"sheet\":\"附件1\",\"line\":2,\"column\":\"县（市、区）\"", "不是邯郸市的县（市、区）",
                "\"sheet\":\"附件5\",\"line\":3,\"column\":\"完成时限\"");
        assertThat(count("SELECT count(*) FROM plan WHERE year = 2098")).isZero();

        JsonNode taken = Api.json(as("city").upload("/api/plan/2099/workbook?title=" + java.net.URLEncoder.encode("测试方案", "UTF-8"), "方案.xlsx", book));
        assertThat(taken.get("stored").asBoolean()).as(taken.toString()).isTrue();
        assertThat(taken.get("rows").get("附件5").asInt()).isEqualTo(76);
        assertThat(count("SELECT sum(quantity) FROM plan_project WHERE year = 2099 AND annex = 3")).isEqualTo(432);
        assertThat(Api.json(as("city").upload("/api/plan/2099/workbook?title=x", "方案.xlsx", book)).get("detail").asString()).contains("已导入");
        assertThat(as("wuan").upload("/api/plan/2097/workbook?title=x", "方案.xlsx", book).getStatusCode().value()).isEqualTo(403);
    }

    /** The exported workbook with a county no one knows in 附件1 and a deadline no one can read in 附件5. */
    private static byte[] edited(byte[] book) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(book)); var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet("附件1").getRow(1).getCell(1).setCellValue("火星区");
            wb.getSheet("附件5").getRow(2).getCell(6).setCellValue("下个月");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The item (a task, project) of a tracked list that matches. */
    private static JsonNode find(JsonNode tracked, java.util.function.Predicate<JsonNode> match) {
        for (JsonNode n : tracked) {
            if (match.test(n.get("item"))) {
                return n.get("item");
            }
        }
        throw new AssertionError("nothing matches among " + tracked.size() + " items");
    }
}
