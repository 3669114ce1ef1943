package org.lantian.platform.enterprises;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The register as the office's workbook (Apache POI): one row per enterprise under Chinese headers
 * (docs/enterprises.md), the same layout out and in, so an exported workbook imports back unchanged.
 */
final class RegisterWorkbook {

    static final String CODE = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String COUNTY = "县（市、区）";
    static final String TOWNSHIP = "乡镇（街道）";
    static final String ADDRESS = "地址";
    static final String LON = "经度";
    static final String LAT = "纬度";
    static final String DATUM = "坐标系";
    static final String INDUSTRY_CODE = "行业代码";
    static final String INDUSTRY_NAME = "行业名称";
    static final String GRADING_INDUSTRY = "绩效分级行业";
    static final String CLUSTER = "产业集群";
    static final String STATUS = "状态";
    static final String SCHEME = "绩效分级方案";
    static final String GRADE = "绩效等级";
    static final String GRADED_ON = "分级生效日期";

    /** The columns in the office's order; the flags follow, one column each ("是" when on the list). */
    static final List<String> COLUMNS = List.of(CODE, NAME, COUNTY, TOWNSHIP, ADDRESS, LON, LAT, DATUM, INDUSTRY_CODE, INDUSTRY_NAME,
            GRADING_INDUSTRY, CLUSTER, STATUS, SCHEME, GRADE, GRADED_ON);

    /** The most rows one workbook may hold (a whole city's register is about 4 000). */
    static final int MAX_ROWS = 20_000;

    private RegisterWorkbook() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        for (EnterpriseFlag flag : EnterpriseFlag.values()) {
            header.add(flag.label());
        }
        return header;
    }

    /** A data row: its 1-based line in the sheet and its cells by header. */
    record Line(int line, Map<String, String> cells) {
    }

    /** What a workbook held: its rows, or what is wrong with its header. */
    record Parsed(List<Line> lines, List<String> missingColumns) {
    }

    static Parsed read(InputStream in) throws IOException {
        try (Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            Row head = sheet.getRow(sheet.getFirstRowNum());
            Map<Integer, String> columns = new LinkedHashMap<>();
            if (head != null) {
                for (Cell cell : head) {
                    String name = text.formatCellValue(cell).strip();
                    if (!name.isEmpty()) {
                        columns.put(cell.getColumnIndex(), name);
                    }
                }
            }
            List<String> missing = List.of(CODE, NAME).stream().filter(c -> !columns.containsValue(c)).toList();
            List<Line> lines = new ArrayList<>();
            if (!missing.isEmpty()) {
                return new Parsed(lines, missing);
            }
            if (sheet.getLastRowNum() - sheet.getFirstRowNum() > MAX_ROWS) {
                throw new IllegalArgumentException("file：工作簿超过 " + MAX_ROWS + " 行，请分批导入");
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((index, name) -> {
                    Cell cell = row.getCell(index);
                    String value = cell == null ? "" : text.formatCellValue(cell).strip();
                    if (!value.isEmpty()) {
                        cells.put(name, value);
                    }
                });
                if (!cells.isEmpty()) {
                    lines.add(new Line(r + 1, cells));
                }
            }
            return new Parsed(lines, List.of());
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.ooxml.POIXMLException e) {
            throw new IllegalArgumentException("file：不是 Excel 工作簿（.xlsx）：" + e.getMessage());
        }
    }

    static byte[] write(List<Enterprise> enterprises, Map<String, String> countyNames) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("涉气企业清单");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            List<String> header = header();
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(i, (i == 1 || i == 4 ? 30 : 14) * 256);
            }
            int r = 1;
            for (Enterprise e : enterprises) {
                Row row = sheet.createRow(r++);
                String[] values = {e.creditCode(), e.name(), countyNames.getOrDefault(e.countyCode(), e.countyCode()), e.township(), e.address(),
                        e.enteredLon() == null ? null : e.enteredLon().toPlainString(), e.enteredLat() == null ? null : e.enteredLat().toPlainString(),
                        e.enteredDatum(), e.industryCode(), e.industryName(), e.gradingIndustry(), e.cluster(), e.status().label(),
                        e.gradeScheme(), e.grade(), null};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i]);
                    }
                }
                int i = values.length;
                for (EnterpriseFlag flag : EnterpriseFlag.values()) {
                    if (e.flags().contains(flag)) {
                        row.createCell(i).setCellValue("是");
                    }
                    i++;
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
