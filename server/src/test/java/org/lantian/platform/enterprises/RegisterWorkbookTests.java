package org.lantian.platform.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import tools.jackson.databind.JsonNode;

/** The register workbook: every wrong row named, whole file or row by row, and an export that imports back unchanged. */
@PlatformTest
public class RegisterWorkbookTests extends ApiTest {

    static final String[] HEADER = {"统一社会信用代码", "企业名称", "县（市、区）", "经度", "纬度", "坐标系", "行业代码", "行业名称", "状态", "绩效等级", "减排清单"};

    /** {@code count} rows from {@code first}; rows 5, 20 and 40 (lines 6, 21, 41) are wrong in one cell each. */
    public static byte[] workbook(int first, int count) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("清单");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
            }
            for (int n = 0; n < count; n++) {
                String code = EnterprisesTests.code(first + n);
                String[] cells = {code, "导入测试" + (first + n) + "有限公司", "武安市", "", "", "", "3110", "炼铁", "在产", "C", "是"};
                if (n == 5) {
                    cells[0] = code.substring(0, 17) + (code.endsWith("0") ? "1" : "0");
                } else if (n == 20) {
                    cells[2] = "纽约";
                } else if (n == 40) {
                    cells[2] = "";
                    cells[3] = "114,5";
                    cells[4] = "36.7";
                }
                Row row = sheet.createRow(n + 1);
                for (int i = 0; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private int stored(int first, int count) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = ANY(?)")
                .param(java.util.stream.IntStream.range(first, first + count).mapToObj(EnterprisesTests::code).toArray(String[]::new))
                .query(Integer.class).single();
    }

    @Test
    void aWholeFileWithWrongRowsStoresNothingAndNamesEachByLineAndColumn() throws Exception {
        JsonNode report = Api.json(as("city").upload("/api/enterprises/workbook", "清单.xlsx", workbook(2000, 100)));
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("received").asInt()).isEqualTo(100);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        List<String> errors = new java.util.ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("field").asString() + " " + e.get("reason").asString()));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("7 统一社会信用代码").contains("校验码应为");
        assertThat(errors.get(1)).startsWith("22 县（市、区）").contains("纽约");
        assertThat(errors.get(2)).startsWith("42 经度").contains("114,5");
        assertThat(stored(2000, 100)).isZero();
    }

    @Test
    void rowByRowStoresEveryRightRowAndTheExportImportsBackUnchanged() throws Exception {
        JsonNode report = Api.json(as("city").upload("/api/enterprises/workbook?mode=ROW_BY_ROW", "清单.xlsx", workbook(3000, 100)));
        assertThat(report.get("stored").asBoolean()).isTrue();
        assertThat(report.get("registered").asInt()).isEqualTo(97);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        assertThat(stored(3000, 100)).isEqualTo(97);
        String one = EnterprisesTests.code(3001);
        JsonNode e = Api.json(as("city").get("/api/enterprises/" + one));
        assertThat(e.get("grade").asString()).isEqualTo("C");
        assertThat(e.get("flags").toString()).contains("REDUCTION_LIST");

        byte[] exported = as("city").getBytes("/api/enterprises/workbook?q=" + one);
        org.lantian.platform.workbooks.OfficeWorkbook.Parsed parsed = RegisterWorkbook.read(new ByteArrayInputStream(exported));
        assertThat(parsed.lines()).hasSize(1);
        assertThat(parsed.lines().get(0).cells()).containsEntry("统一社会信用代码", one).containsEntry("县（市、区）", "武安市")
                .containsEntry("绩效等级", "C").containsEntry("减排清单", "是");
        JsonNode again = Api.json(as("city").upload("/api/enterprises/workbook", "导出.xlsx", exported));
        assertThat(again.get("updated").asInt()).isEqualTo(1);
        assertThat(again.get("registered").asInt()).isZero();
        assertThat(Api.json(as("city").get("/api/enterprises/" + one)).get("name").asString()).isEqualTo(e.get("name").asString());
    }

    @Test
    void aCountyImportsOnlyIntoItsOwnCountyAndAWorkbookWithoutTheKeyColumnIsNamed() throws Exception {
        JsonNode report = Api.json(as("hanshan").upload("/api/enterprises/workbook?mode=ROW_BY_ROW", "清单.xlsx", workbook(4000, 10)));
        assertThat(report.get("registered").asInt()).isZero();
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("无权");
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("x").createRow(0).createCell(0).setCellValue("名称");
            book.write(out);
            JsonNode headless = Api.json(as("city").upload("/api/enterprises/workbook", "x.xlsx", out.toByteArray()));
            assertThat(headless.get("errors").toString()).contains("表头缺少“统一社会信用代码”列");
        }
        var notExcel = as("city").upload("/api/enterprises/workbook", "x.xlsx", "not a workbook".getBytes());
        assertThat(notExcel.getStatusCode().value()).isEqualTo(400);
    }
}
