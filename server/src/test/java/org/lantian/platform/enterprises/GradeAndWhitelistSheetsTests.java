package org.lantian.platform.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.workbooks.OfficeWorkbook;
import tools.jackson.databind.JsonNode;

/** Grades and the whitelist as their own workbooks: every wrong row named, whole file or row by row, an export imports back unchanged. */
@PlatformTest
class GradeAndWhitelistSheetsTests extends ApiTest {

    private static byte[] sheet(List<String> header, List<List<String>> rows) {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("表").header(header);
        rows.forEach(book::row);
        return book.bytes();
    }

    private String demoEnterprise(String county, int offset) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE county_code = ? AND demo ORDER BY credit_code OFFSET ? LIMIT 1")
                .params(county, offset).query(String.class).single();
    }

    private List<String> errors(JsonNode report) {
        List<String> named = new java.util.ArrayList<>();
        report.get("errors").forEach(e -> named.add(e.get("line").asInt() + " " + e.get("field").asString() + " " + e.get("reason").asString()));
        return named;
    }

    @Test
    void gradesAreTakenInDateOrderEachWrongRowNamedAndTheExportImportsBackUnchanged() {
        String a = demoEnterprise("130481", 101);
        String other = demoEnterprise("130424", 3);
        List<String> header = List.of("统一社会信用代码", "绩效分级方案", "绩效等级", "生效日期", "依据");
        byte[] book = sheet(header, List.of(
                List.of(a, "GUIDE2020", "A", "2031-03-01", "复评"),                 // line 2: after line 3's grade in time
                List.of(a, "GUIDE2020", "B", "2030/6/1", "初评"),                   // line 3
                Arrays.asList(a, "GUIDE2020", "E", "2032-01-01", null),            // line 4: no such grade
                Arrays.asList(a, "FRAMEWORK2026", "B", "2032-13-01", null),        // line 5: no such date
                Arrays.asList("91130481MA0000000X", null, "B", "2030-01-01", null), // line 6: not in the register
                Arrays.asList(other, null, "C", "2030-01-01", null)));             // line 7: another county's, for 武安

        JsonNode whole = Api.json(as("wuan").upload("/api/enterprises/grades/workbook", "分级.xlsx", book));
        assertThat(whole.get("stored").asBoolean()).isFalse();
        assertThat(errors(whole)).hasSize(4).anySatisfy(e -> assertThat(e).startsWith("4 绩效等级 “E”不是分级方案 GUIDE2020 的等级"))
                .anySatisfy(e -> assertThat(e).startsWith("5 生效日期 “2032-13-01”不是日期"))
                .anySatisfy(e -> assertThat(e).startsWith("6 统一社会信用代码"))
                .anySatisfy(e -> assertThat(e).startsWith("7 统一社会信用代码"));
        int before = jdbc.sql("SELECT count(*) FROM enterprise_grade WHERE credit_code = ?").param(a).query(Integer.class).single();

        JsonNode rows = Api.json(as("wuan").upload("/api/enterprises/grades/workbook?mode=ROW_BY_ROW", "分级.xlsx", book));
        assertThat(rows.get("recorded").asInt()).isEqualTo(2);
        assertThat(rows.get("rejected").asInt()).isEqualTo(4);
        JsonNode history = Api.json(as("wuan").get("/api/enterprises/" + a + "/grades"));
        assertThat(history).hasSize(before + 2);
        assertThat(history.get(before).get("grade").asString()).isEqualTo("B");
        assertThat(history.get(before).get("validTo").asString()).isEqualTo("2031-02-28");
        assertThat(history.get(before + 1).get("grade").asString()).isEqualTo("A");

        // a grade older than the latest: refused by the register's own rule, named under its date column
        JsonNode older = Api.json(as("wuan").upload("/api/enterprises/grades/workbook", "分级.xlsx",
                sheet(header, List.of(List.of(a, "GUIDE2020", "C", "2030-12-01", "补录")))));
        assertThat(older.get("stored").asBoolean()).isFalse();
        assertThat(errors(older)).singleElement().asString().startsWith("2 生效日期 新的分级结果应晚于");

        byte[] exported = as("wuan").getBytes("/api/enterprises/grades/workbook?q=" + a);
        JsonNode again = Api.json(as("wuan").upload("/api/enterprises/grades/workbook", "导出.xlsx", exported));
        assertThat(again.get("unchanged").asInt()).isEqualTo(before + 2);
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("rejected").asInt()).isZero();
    }

    @Test
    void theCityOfficeImportsItsExistingWhitelistAndOnlyItMay() {
        String a = demoEnterprise("130481", 201);
        String b = demoEnterprise("130481", 202);
        List<String> header = List.of("统一社会信用代码", "纳入日期", "复核周期（天）", "推荐理由");
        byte[] book = sheet(header, List.of(
                List.of(a, "2023-04-01", "90", "2023 年第一批"),
                List.of(b, "2023-04-31", "", "2023 年第一批"),   // line 3: no such day
                List.of(b, "2023-05-01", "5000", "")));           // line 4: period too long
        JsonNode whole = Api.json(as("city").upload("/api/enterprises/whitelist/workbook", "白名单.xlsx", book));
        assertThat(whole.get("stored").asBoolean()).isFalse();
        assertThat(errors(whole)).containsExactly("3 纳入日期 “2023-04-31”不是日期（如 2023-06-01）", "4 复核周期（天） 应为 1–1096，收到 5000");

        JsonNode county = Api.json(as("wuan").upload("/api/enterprises/whitelist/workbook?mode=ROW_BY_ROW", "白名单.xlsx", book));
        assertThat(county.get("recorded").asInt()).isZero();
        assertThat(errors(county)).first().asString().startsWith("2 统一社会信用代码").contains("无权导入白名单");

        JsonNode rows = Api.json(as("city").upload("/api/enterprises/whitelist/workbook?mode=ROW_BY_ROW", "白名单.xlsx", book));
        assertThat(rows.get("recorded").asInt()).isEqualTo(1);
        JsonNode entry = Api.json(as("city").get("/api/enterprises/" + a + "/whitelist")).get(0);
        assertThat(entry.get("state").asString()).isEqualTo("INCLUDED");
        assertThat(entry.get("includedOn").asString()).isEqualTo("2023-04-01");
        assertThat(entry.get("nextRecheckDue").asString()).isEqualTo("2023-06-30");

        byte[] exported = as("city").getBytes("/api/enterprises/whitelist/workbook");
        OfficeWorkbook.Parsed parsed;
        try {
            parsed = OfficeWorkbook.read(new java.io.ByteArrayInputStream(exported), List.of("统一社会信用代码"), 100_000);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(parsed.lines()).anySatisfy(l -> assertThat(l.cells()).containsEntry("统一社会信用代码", a).containsEntry("状态", "已纳入")
                .containsEntry("复核周期（天）", "90"));
        JsonNode again = Api.json(as("city").upload("/api/enterprises/whitelist/workbook", "导出.xlsx", exported));
        assertThat(again.get("rejected").asInt()).as(again.toString()).isZero();
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(parsed.lines().size());
    }
}
