package org.lantian.platform.airquality;

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
import org.lantian.standards.Pollutant;

/** The county ranking as the XLSX table a bulletin takes (Apache POI). */
final class RankingWorkbook {

    static final String[] HEADER = {"综合指数排名", "县（市、区）", "综合指数", "综合指数同比（%）", "综合指数改善排名",
            "PM2.5（μg/m³）", "PM2.5 排名", "PM2.5 同比（%）", "PM2.5 改善排名", "优良天数比例（%）", "重污染天数", "有效天数"};

    private RankingWorkbook() {
    }

    static byte[] write(List<AirQualityPeriods.RankedCounty> ranking, LocalDate from, LocalDate to) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("县区排名");
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            Row title = sheet.createRow(0);
            Cell titleCell = title.createCell(0);
            titleCell.setCellValue("邯郸市各县（市、区）空气质量排名  " + from + " 至 " + to + "（实时数据，未经审核）");
            titleCell.setCellStyle(heading);
            Row header = sheet.createRow(2);
            for (int i = 0; i < HEADER.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADER[i]);
                cell.setCellStyle(heading);
            }
            int r = 3;
            for (AirQualityPeriods.RankedCounty c : ranking) {
                AirQualityPeriods.Figures f = c.figures();
                Row row = sheet.createRow(r++);
                rank(row, 0, c.indexRank());
                row.createCell(1).setCellValue(f.name());
                number(row, 2, f.compositeIndex());
                number(row, 3, f.indexChangePercent());
                rank(row, 4, c.indexImprovementRank());
                number(row, 5, f.concentrations().get(Pollutant.PM2_5));
                rank(row, 6, c.pm25Rank());
                number(row, 7, f.pm25ChangePercent());
                rank(row, 8, c.pm25ImprovementRank());
                number(row, 9, f.goodDayRatio());
                row.createCell(10).setCellValue(f.heavyDays());
                row.createCell(11).setCellValue(f.validDays());
            }
            for (int i = 0; i < HEADER.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rank(Row row, int column, Integer rank) {
        if (rank != null && rank > 0) {
            row.createCell(column).setCellValue(rank);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue()); // display only: the figure was computed exactly
        }
    }
}
