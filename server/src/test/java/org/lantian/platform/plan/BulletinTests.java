package org.lantian.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.MutableClock;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The half-monthly bulletin: its tables cell by cell against the rankings and the handling figures, in PDF, Word and Excel; issued once and kept. */
@PlatformTest
class BulletinTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Test
    void theBulletinsTablesAreTheRankingAndTheHandlingCellByCellInEveryFormat() throws Exception {
        LocalDate day = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(1);   // the demo data of the tests cover the last two days
        LocalDate[] period = Bulletins.halfMonth(day);
        JsonNode doc = Api.json(as("city").get("/api/plan/bulletins/preview?day=" + day));
        assertThat(doc.get("title").asString()).isEqualTo("邯郸市大气污染防治工作半月通报");

        List<List<String>> ranking = new ArrayList<>();
        for (JsonNode r : Api.json(as("city").get("/api/airquality/rankings/counties?from=" + period[0] + "&to=" + period[1]))) {
            JsonNode f = r.get("figures");
            ranking.add(List.of(r.get("indexRank").asString(), f.get("name").asString(), plain(f.get("compositeIndex"), 2), signed(f.get("indexChangePercent")),
                    place(r.get("indexImprovementRank")), plain(f.get("concentrations").get("PM2_5"), 1), signed(f.get("pm25ChangePercent")),
                    place(r.get("pm25ImprovementRank"))));
        }
        ranking.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(0)), Integer.parseInt(b.get(0))));
        List<List<String>> table1 = rows(table(doc, "表 1"));
        assertThat(table1).hasSize(20).isEqualTo(ranking);

        List<List<String>> handling = new ArrayList<>();
        for (JsonNode r : Api.json(as("city").get("/api/alerts/assessment?from=" + period[0] + "&to=" + period[1].plusDays(1)))) {
            if (!r.get("department").asBoolean()) {
                handling.add(List.of(r.get("rank").asString(), r.get("name").asString(), r.get("pushed").asString(), r.get("receivedOnTime").asString(),
                        r.get("disposedOnTime").asString(), r.get("overdue").asString(), plain(r.get("onTimeRate"), 1), plain(r.get("effectiveRate"), 1),
                        r.get("firePoints").asString(), r.get("firePointsInTime").asString()));
            }
        }
        List<List<String>> table2 = rows(table(doc, "表 2"));
        assertThat(table2).hasSize(20);
        assertThat(table2.subList(0, handling.size())).isEqualTo(handling);
        table2.subList(handling.size(), 20).forEach(r -> assertThat(r).as("a county with nothing pushed, unranked")
                .isEqualTo(List.of("—", r.get(1), "0", "0", "0", "0", "—", "—", "0", "0")));

        String first = table1.get(0).get(1);
        String firstIndex = table1.get(0).get(2);
        try (var pdf = Loader.loadPDF(as("city").download("/api/plan/bulletins/preview?day=" + day + "&format=pdf").getBody())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("邯郸市大气污染防治工作半月通报", "表1", first + firstIndex,
                    "邯郸市大气污染防治工作领导小组办公室", "图1");
            java.nio.file.Path shots = java.nio.file.Path.of("target/screenshots");
            java.nio.file.Files.createDirectories(shots);
            for (int page = 0; page < Math.min(3, pdf.getNumberOfPages()); page++) {
                javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(page, 80), "png",
                        shots.resolve("bulletin-" + (page + 1) + ".png").toFile());
            }
        }
        try (var word = new XWPFDocument(new ByteArrayInputStream(as("city").download("/api/plan/bulletins/preview?day=" + day + "&format=docx").getBody()))) {
            assertThat(new XWPFWordExtractor(word).getText()).contains("邯郸市大气污染防治工作半月通报", "一、空气质量状况", "图 1");
            assertThat(word.getAllPictures()).as("the chart").hasSize(1);
            var t1 = word.getTables().get(0);
            assertThat(t1.getRow(1).getCell(1).getText()).isEqualTo(first);
            assertThat(t1.getRow(1).getCell(2).getText()).isEqualTo(firstIndex);
            assertThat(t1.getNumberOfRows()).isEqualTo(21);
        }
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(as("city").download("/api/plan/bulletins/preview?day=" + day + "&format=xlsx").getBody()))) {
            var sheet = book.getSheet("表1");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("县（市、区）");
            for (int i = 0; i < 20; i++) {
                for (int c = 0; c < 8; c++) {
                    assertThat(sheet.getRow(3 + i).getCell(c).getStringCellValue()).as("表1 row %d column %d", i + 1, c).isEqualTo(table1.get(i).get(c));
                }
            }
        }
        assertThat(as("wuan").get("/api/plan/bulletins/preview?day=" + day).getStatusCode().value()).as("a county sees bulletins once issued").isEqualTo(403);
        assertThat(as("city").get("/api/plan/bulletins/preview?day=" + day + "&format=doc").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anIssuedBulletinGoesToEveryCountyOnceAndStaysAsItWasIssued() throws Exception {
        // a plan of 2025 with a task overdue at the end of December
        OfficeWorkbook.Writer w = OfficeWorkbook.writer(PlanSheets.ANNEX1).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX1));
        w.sheet(PlanSheets.ANNEX2).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX2));
        w.sheet(PlanSheets.ANNEX3).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX3));
        w.sheet(PlanSheets.ANNEX4).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX4));
        w.sheet(PlanSheets.ANNEX5).header(PlanSheets.COLUMNS.get(PlanSheets.ANNEX5))
                .row(Arrays.asList(1, "测试措施", "通报测试任务", "通报测试任务的目标", "市生态环境局", "", "2025年12月20日"));
        w.sheet(PlanSheets.TARGETS).header(PlanSheets.COLUMNS.get(PlanSheets.TARGETS));
        assertThat(Api.json(as("city").upload("/api/plan/2025/workbook?title=x", "方案.xlsx", w.bytes())).get("stored").asBoolean()).isTrue();
        long task = Api.json(as("city").get("/api/plan/2025/tasks")).get(0).get("item").get("id").asLong();

        assertThat(as("wuan").post("/api/plan/bulletins", "{\"day\": \"2025-12-20\"}").getStatusCode().value()).isEqualTo(403);
        var issued = as("city").post("/api/plan/bulletins", "{\"day\": \"2025-12-20\"}");
        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
        long id = Api.json(issued).get("id").asLong();
        assertThat(Api.json(issued).get("from").asString()).isEqualTo("2025-12-16");
        assertThat(Api.json(issued).get("to").asString()).isEqualTo("2025-12-31");
        assertThat(Api.json(as("city").post("/api/plan/bulletins", "{\"day\": \"2025-12-31\"}")).get("detail").asString()).contains("已印发");
        assertThat(Api.json(as("city").post("/api/plan/bulletins", "{\"day\": \"" + LocalDate.now(clock.withZone(BeijingTime.ZONE)) + "\"}"))
                .get("detail").asString()).contains("尚未结束");
        String issuedText = Api.json(as("city").get("/api/plan/bulletins/" + id)).toString();
        assertThat(issuedText).contains("逾期未完成任务 1 项", "通报测试任务的目标");
        byte[] pdf = as("wuan").download("/api/plan/bulletins/" + id + "/file?format=pdf").getBody();

        // the task is then reported done: a fresh preview says so, the issued bulletin does not change
        long done = Api.json(as("sthjj").post("/api/plan/tasks/" + task + "/reports", "{\"percent\": 100, \"done\": true, \"text\": \"已完成\"}")).get("id").asLong();
        as("city").post("/api/plan/reports/" + done + "/review", "{\"accept\": true}");
        assertThat(Api.json(as("city").get("/api/plan/bulletins/preview?day=2025-12-20")).toString()).contains("逾期未完成任务 0 项");
        assertThat(Api.json(as("city").get("/api/plan/bulletins/" + id)).toString()).isEqualTo(issuedText);
        assertThat(as("wuan").download("/api/plan/bulletins/" + id + "/file?format=pdf").getBody()).isEqualTo(pdf);

        // every county has it to read, and the receipt records who read it
        JsonNode receipts = Api.json(as("city").get("/api/plan/bulletins/" + id + "/receipts"));
        assertThat(receipts).hasSize(20);
        as("wuan").post("/api/plan/bulletins/" + id + "/receipt", "{}");
        JsonNode after = Api.json(as("city").get("/api/plan/bulletins/" + id + "/receipts"));
        int read = 0;
        for (JsonNode r : after) {
            if (!r.get("readAt").isNull()) {
                read++;
                assertThat(r.get("unit").asString()).isEqualTo("130481");
            }
        }
        assertThat(read).isEqualTo(1);
        assertThat(as("wuan").get("/api/plan/bulletins").getBody()).contains("\"id\":" + id);
    }

    @Test
    void countiesWithTooManyBurningProblemsInTheHalfMonthAreNamed() {
        LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
        for (int i = 0; i < 2; i++) {
            JsonNode pushed = Api.json(as("city").post("/api/alerts/tickets", """
                    {"source": "FIRE_POINT", "title": "秸秆焚烧火点 %d", "lon": 114.19, "lat": 36.70}""".formatted(i)));
            assertThat(pushed.get("countyCode").asString()).as(pushed.toString()).isEqualTo("130481");
        }
        JsonNode doc = Api.json(as("city").get("/api/plan/bulletins/preview?day=" + today));
        JsonNode table = null;
        for (JsonNode b : doc.get("blocks")) {
            if ("Table".equals(b.get("block").asString()) && b.get("caption").asString("").contains("扬尘、露天焚烧问题数量")) {
                table = b;
            }
        }
        assertThat(table).isNotNull();
        List<List<String>> rows = rows(table);
        assertThat(rows).hasSize(20);
        List<String> wuan = rows.stream().filter(r -> r.get(0).equals("武安市")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(wuan.get(2))).isGreaterThanOrEqualTo(2);
        assertThat(wuan.get(3)).contains("焚烧");
        assertThat(doc.toString()).contains("露天焚烧（含火点）达到 2 起的县（市、区）：").contains("武安市");
    }

    @Test
    void theMonthlyStatementAndQuarterlySummonsListsAreDocumentsOfTheirOwn() throws Exception {
        LocalDate day = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(1);
        java.time.YearMonth month = java.time.YearMonth.from(day);
        JsonNode statement = Api.json(as("city").get("/api/plan/bulletins/preview?kind=MONTH_STATEMENT&day=" + day));
        assertThat(statement.get("title").asString()).isEqualTo("邯郸市大气污染防治工作月度表态名单");
        assertThat(statement.get("number").asString()).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");
        List<String> listed = new ArrayList<>();
        Api.json(as("city").get("/api/plan/statements?month=" + month)).forEach(l -> listed.add(l.get("name").asString()));
        assertThat(statement.toString()).contains(listed.isEmpty() ? "作表态发言：无。" : "作表态发言：" + String.join("、", listed) + "。");
        JsonNode scored = Api.json(as("city").get("/api/plan/scores?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()));
        List<List<String>> scoreRows = rows(table(statement, listed.isEmpty() ? "表 1" : "表 2"));
        assertThat(scoreRows).hasSize(20);
        for (int i = 0; i < 20; i++) {
            JsonNode s = scored.get("scores").get(i);
            assertThat(scoreRows.get(i).get(1)).isEqualTo(s.get("name").asString());
            assertThat(scoreRows.get(i).get(scoreRows.get(i).size() - 1)).isEqualTo(s.get("total").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY)
                    .toPlainString());
        }
        JsonNode summons = Api.json(as("city").get("/api/plan/bulletins/preview?kind=QUARTER_SUMMONS&day=" + day));
        assertThat(summons.get("number").asString()).isEqualTo(day.getYear() + "年第" + ((day.getMonthValue() - 1) / 3 + 1) + "季度");

        var issued = as("city").post("/api/plan/bulletins", "{\"kind\": \"MONTH_STATEMENT\", \"day\": \"2025-11-10\"}");
        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
        assertThat(Api.json(issued).get("from").asString()).isEqualTo("2025-11-01");
        assertThat(Api.json(issued).get("to").asString()).isEqualTo("2025-11-30");
        assertThat(Api.json(as("city").post("/api/plan/bulletins", "{\"kind\": \"MONTH_STATEMENT\", \"day\": \"2025-11-30\"}")).get("detail")
                .asString()).contains("月度表态名单已印发");
        long id = Api.json(issued).get("id").asLong();
        try (var word = new XWPFDocument(new ByteArrayInputStream(as("hanshan").download("/api/plan/bulletins/" + id + "/file?format=docx").getBody()))) {
            assertThat(new XWPFWordExtractor(word).getText()).contains("邯郸市大气污染防治工作月度表态名单", "2025年11月");
        }
        assertThat(as("city").get("/api/plan/bulletins/preview?kind=WEEKLY&day=" + day).getStatusCode().value()).isEqualTo(400);
    }

    private static JsonNode table(JsonNode doc, String caption) {
        for (JsonNode b : doc.get("blocks")) {
            if ("Table".equals(b.get("block").asString()) && b.get("caption").asString("").startsWith(caption)) {
                return b;
            }
        }
        throw new AssertionError("no table " + caption);
    }

    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        table.get("rows").forEach(r -> {
            List<String> row = new ArrayList<>();
            r.forEach(c -> row.add(c.asString()));
            rows.add(row);
        });
        return rows;
    }

    /** A figure as the platform states it, at its scale (JSON numbers lose trailing zeros). */
    private static String plain(JsonNode n, int scale) {
        return n == null || n.isNull() ? "—" : n.decimalValue().setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String signed(JsonNode n) {
        if (n == null || n.isNull()) {
            return "—";
        }
        BigDecimal v = n.decimalValue().setScale(1, java.math.RoundingMode.UNNECESSARY);
        return (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    private static String place(JsonNode n) {
        return n == null || n.isNull() ? "—" : n.asString();
    }
}
