package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import tools.jackson.databind.JsonNode;

/** Per-plant measures from the templates, their expected reductions to the decimal, edits by the county, and the county sums. */
@PlatformTest
class MeasuresTests extends ApiTest {

    /** A demo plant in 武安 with the grade asked for and at least two production lines. */
    private String plant(String grade, int offset) {
        return jdbc.sql("""
                        SELECT e.credit_code FROM enterprise e JOIN enterprise_grade g ON g.credit_code = e.credit_code AND g.valid_to IS NULL
                         WHERE e.demo AND e.county_code = '130481' AND g.grade = ?
                           AND (SELECT count(*) FROM enterprise_line l WHERE l.credit_code = e.credit_code AND l.kind = 'PRODUCTION') >= 2
                         ORDER BY e.credit_code OFFSET ? LIMIT 1""").params(grade, offset).query(String.class).single();
    }

    /** Tonnes a year of a pollutant: the plant's lines (or the named line), from its latest baseline year. */
    private BigDecimal tonnes(String code, String pollutant, Long line) {
        return jdbc.sql("""
                        SELECT coalesce(sum(tonnes), 0) FROM enterprise_baseline WHERE credit_code = ? AND pollutant = ?
                           AND (?::bigint IS NULL OR line_id = ?)
                           AND year = (SELECT max(year) FROM enterprise_baseline WHERE credit_code = ?)""")
                .params(code, pollutant, line, line, code).query(BigDecimal.class).single();
    }

    private static BigDecimal perDay(BigDecimal tonnesAYear) {
        return tonnesAYear.divide(BigDecimal.valueOf(365), 4, RoundingMode.HALF_EVEN);
    }

    private JsonNode measure(String user, String code, String level) {
        for (JsonNode m : Api.json(as(user).get("/api/emergency/measures/" + code))) {
            if (m.get("level").asString().equals(level)) {
                return m;
            }
        }
        throw new AssertionError("no " + level + " measure for " + code);
    }

    @Test
    void eachGradeGetsItsTemplatesMeasureAndItsReductionToTheDecimal() {
        String c = plant("C", 0);
        JsonNode yellow = measure("wuan", c, "YELLOW");
        assertThat(yellow.get("kind").asString()).isEqualTo("STOP_SHARE");
        assertThat(yellow.get("truckBanStage").asInt()).isEqualTo(4);
        // half the lines counted up, the largest emitter first
        java.util.List<Long> lines = jdbc.sql("""
                        SELECT l.id FROM enterprise_line l LEFT JOIN enterprise_baseline b ON b.line_id = l.id
                         WHERE l.credit_code = ? AND l.kind = 'PRODUCTION' GROUP BY l.id ORDER BY coalesce(sum(b.tonnes), 0) DESC, l.id""")
                .param(c).query(Long.class).list();
        int stopped = (int) Math.ceil(lines.size() / 2.0);
        assertThat(yellow.get("stopLineIds").size()).isEqualTo(stopped);
        assertThat(yellow.get("stopLineIds").get(0).asLong()).isEqualTo(lines.get(0));
        for (String p : new String[] {"SO2", "NOX", "PM", "VOCS"}) {
            BigDecimal cut = BigDecimal.ZERO;
            for (int i = 0; i < stopped; i++) {
                cut = cut.add(tonnes(c, p, lines.get(i)));
            }
            assertThat(yellow.get("cut").get(p).decimalValue()).as(p).isEqualByComparingTo(perDay(cut));
            assertThat(yellow.get("base").get(p).decimalValue()).as(p).isEqualByComparingTo(perDay(tonnes(c, p, null)));
        }
        JsonNode orange = measure("wuan", c, "ORANGE");
        assertThat(orange.get("kind").asString()).isEqualTo("STOP");
        assertThat(orange.get("cut").get("NOX").decimalValue()).isEqualByComparingTo(perDay(tonnes(c, "NOX", null)));

        String a = plant("A", 0);
        JsonNode self = measure("wuan", a, "RED");
        assertThat(self.get("kind").asString()).isEqualTo("SELF");
        assertThat(self.get("text").asString()).isEqualTo("自主采取减排措施");
        assertThat(self.get("cut").get("NOX").decimalValue()).isEqualByComparingTo("0");

        String d = plant("D", 0);
        JsonNode stop = measure("wuan", d, "YELLOW");
        assertThat(stop.get("kind").asString()).isEqualTo("STOP");
        assertThat(stop.get("truckBanStage").asInt()).isEqualTo(6);
        assertThat(stop.get("text").asString()).isEqualTo("停产；停止公路运输");
    }

    @Test
    void aCountyEditsItsPlantsMeasureWhichRegenerationKeepsAndOnlyTheRightPeopleSeeIt() {
        String b = plant("B", 1);
        var edited = as("wuan").put("/api/emergency/measures/" + b + "/ORANGE", """
                {"kind": "CUT", "percent": 30, "truckBanStage": 5, "reason": "县里核定：限产 30%"}""");
        assertThat(edited.getStatusCode().value()).as(edited.getBody()).isEqualTo(200);
        JsonNode m = Api.json(edited);
        assertThat(m.get("edited").asBoolean()).isTrue();
        assertThat(m.get("text").asString()).isEqualTo("限产 30%；禁止国五及以下重型货车运输");
        assertThat(m.get("cut").get("PM").decimalValue())
                .isEqualByComparingTo(tonnes(b, "PM", null).multiply(new BigDecimal("0.30")).divide(BigDecimal.valueOf(365), 4, RoundingMode.HALF_EVEN));
        int revision = m.get("revision").asInt();

        var badLine = as("wuan").put("/api/emergency/measures/" + b + "/RED", """
                {"kind": "STOP_SHARE", "stopLineIds": [1], "reason": "x"}""");
        assertThat(Api.json(badLine).get("detail").asString()).startsWith("stopLineIds[0]：1 不是");
        assertThat(as("wuan").put("/api/emergency/measures/" + b + "/RED", """
                {"kind": "CUT", "percent": 130, "reason": "x"}""").getStatusCode().value()).isEqualTo(400);
        assertThat(as("hanshan").put("/api/emergency/measures/" + b + "/RED", """
                {"kind": "CUT", "percent": 30, "reason": "x"}""").getStatusCode().value()).isEqualTo(404);
        assertThat(as("hanshan").get("/api/emergency/measures/" + b).getStatusCode().value()).isEqualTo(404);

        JsonNode kept = Api.json(as("city").post("/api/emergency/measures/generation", "{\"reason\": \"模板更新后重新生成\"}"));
        assertThat(kept.get("keptEdited").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(measure("wuan", b, "ORANGE").get("revision").asInt()).isEqualTo(revision);
        assertThat(as("wuan").post("/api/emergency/measures/generation", "{\"reason\": \"x\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.json(as("wuan").get("/api/emergency/measures/" + b + "/history")).size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theCountySumsStandAgainstTheShareTheLevelRequires() {
        JsonNode rows = Api.json(as("city").get("/api/emergency/reductions?level=YELLOW"));
        JsonNode city = rows.get(0);
        assertThat(city.get("areaCode").asString()).isEqualTo("130400");
        assertThat(city.get("requiredPercent").asInt()).isEqualTo(10);
        int listed = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = 'YELLOW'").query(Integer.class).single();
        assertThat(city.get("plants").asInt()).isEqualTo(listed);
        BigDecimal base = jdbc.sql("SELECT sum(base_nox) FROM emergency_plant_measure WHERE current AND level = 'YELLOW'").query(BigDecimal.class).single();
        BigDecimal cut = jdbc.sql("SELECT sum(cut_nox) FROM emergency_plant_measure WHERE current AND level = 'YELLOW'").query(BigDecimal.class).single();
        assertThat(city.get("sharePercent").get("NOX").decimalValue())
                .isEqualByComparingTo(cut.multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_EVEN));
        rows.forEach(r -> r.get("shortOf").forEach(p -> assertThat(r.get("sharePercent").get(p.asString()).decimalValue())
                .isLessThan(BigDecimal.TEN)));
        JsonNode county = Api.json(as("wuan").get("/api/emergency/reductions?level=RED"));
        assertThat(county).hasSize(1);
        assertThat(county.get(0).get("areaCode").asString()).isEqualTo("130481");
        assertThat(county.get(0).get("requiredPercent").asInt()).isEqualTo(30);
    }

    @Test
    void aCountyExportsItsMeasuresListInKilogramsADay() throws Exception {
        byte[] book = as("wuan").getBytes("/api/emergency/measures/workbook?level=ORANGE");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(book))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("邯郸市重污染天气橙色预警（Ⅱ级响应）应急减排措施清单");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("NOx 减排（千克/日）");
            int plants = jdbc.sql("SELECT count(*) FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND county_code = '130481'")
                    .query(Integer.class).single();
            assertThat(sheet.getLastRowNum() - 2).isEqualTo(plants);
            var first = sheet.getRow(3);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("武安市");
            BigDecimal nox = jdbc.sql("SELECT cut_nox FROM emergency_plant_measure WHERE current AND level = 'ORANGE' AND credit_code = ?")
                    .param(first.getCell(3).getStringCellValue()).query(BigDecimal.class).single();
            assertThat(BigDecimal.valueOf(first.getCell(7).getNumericCellValue()))
                    .isEqualByComparingTo(nox.multiply(BigDecimal.valueOf(1000)).setScale(1, RoundingMode.HALF_EVEN));
        }
    }
}
