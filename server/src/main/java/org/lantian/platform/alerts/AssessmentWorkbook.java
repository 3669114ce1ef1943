package org.lantian.platform.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The assessment as the table the half-monthly bulletin takes (Apache POI). */
final class AssessmentWorkbook {

    static final String[] HEADER = {"排名", "单位", "推送数", "按时签收", "按时处置", "超时", "未办结", "退回次数", "平均处置用时（分钟）",
            "P90 处置用时（分钟）", "按时处置率（%）", "已核查", "处置有效", "有效率（%）", "焚烧火点", "火点 30 分钟内处置"};

    private AssessmentWorkbook() {
    }

    static byte[] write(List<Assessment.Row> rows, LocalDate from, LocalDate toExclusive) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("高值推送办理考核");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue("邯郸市高值推送办理情况考核  " + from + " 至 " + toExclusive.minusDays(1));
            title.setCellStyle(heading);
            int r = 2;
            r = table(sheet, heading, r, "各县（市、区）", rows.stream().filter(x -> !x.department()).toList());
            List<Assessment.Row> departments = rows.stream().filter(Assessment.Row::department).toList();
            if (!departments.isEmpty()) {
                table(sheet, heading, r + 1, "市直部门", departments);
            }
            for (int i = 0; i < HEADER.length; i++) {
                sheet.setColumnWidth(i, i == 1 ? 18 * 256 : 12 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int table(Sheet sheet, CellStyle heading, int r, String caption, List<Assessment.Row> rows) {
        Cell captionCell = sheet.createRow(r++).createCell(0);
        captionCell.setCellValue(caption);
        captionCell.setCellStyle(heading);
        Row header = sheet.createRow(r++);
        for (int i = 0; i < HEADER.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(HEADER[i]);
            cell.setCellStyle(heading);
        }
        for (Assessment.Row a : rows) {
            Row row = sheet.createRow(r++);
            int c = 0;
            row.createCell(c++).setCellValue(a.rank());
            row.createCell(c++).setCellValue(a.name());
            for (int n : new int[] {a.pushed(), a.receivedOnTime(), a.disposedOnTime(), a.overdue(), a.open(), a.returned()}) {
                row.createCell(c++).setCellValue(n);
            }
            number(row, c++, a.meanMinutes());
            number(row, c++, a.p90Minutes());
            number(row, c++, a.onTimeRate());
            row.createCell(c++).setCellValue(a.judged());
            row.createCell(c++).setCellValue(a.effective());
            number(row, c++, a.effectiveRate());
            row.createCell(c++).setCellValue(a.firePoints());
            row.createCell(c).setCellValue(a.firePointsInTime());
        }
        return r;
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value == null) {
            row.createCell(column).setCellValue("—");
        } else {
            row.createCell(column).setCellValue(value.doubleValue()); // display only: the figure was computed exactly
        }
    }
}
