package org.lantian.platform.workbooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
 * A workbook as the offices keep them: the first sheet, a header row of Chinese column names (order free,
 * unknown columns ignored), then one row per record. Reading gives each row's cells by header with its line
 * in the sheet, so every import names a bad cell the same way; writing gives the same layout back.
 */
public final class OfficeWorkbook {

    private OfficeWorkbook() {
    }

    /** A data row: its 1-based line in the sheet and its non-empty cells by header. */
    public record Line(int line, Map<String, String> cells) {

        public String get(String column) {
            return cells.get(column);
        }
    }

    /** What a workbook held: its rows, or the required columns its header lacks. */
    public record Parsed(List<Line> lines, List<String> missingColumns) {
    }

    /**
     * Reads the first sheet.
     *
     * @throws IllegalArgumentException naming the field "file" when it is no .xlsx workbook or has more than {@code maxRows} rows
     */
    public static Parsed read(InputStream in, List<String> required, int maxRows) throws IOException {
        try (Workbook book = new XSSFWorkbook(in)) {
            return parse(book.getSheetAt(0), required, maxRows);
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.ooxml.POIXMLException e) {
            throw new IllegalArgumentException("file：不是 Excel 工作簿（.xlsx）：" + e.getMessage());
        }
    }

    /**
     * Reads the named sheets of one workbook, each with its required columns; a sheet the workbook lacks is
     * absent from the answer.
     */
    public static Map<String, Parsed> readSheets(InputStream in, Map<String, List<String>> sheets, int maxRows) throws IOException {
        try (Workbook book = new XSSFWorkbook(in)) {
            Map<String, Parsed> parsed = new LinkedHashMap<>();
            for (var entry : sheets.entrySet()) {
                Sheet sheet = book.getSheet(entry.getKey());
                if (sheet != null) {
                    parsed.put(entry.getKey(), parse(sheet, entry.getValue(), maxRows));
                }
            }
            return parsed;
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.ooxml.POIXMLException e) {
            throw new IllegalArgumentException("file：不是 Excel 工作簿（.xlsx）：" + e.getMessage());
        }
    }

    private static Parsed parse(Sheet sheet, List<String> required, int maxRows) {
        {
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
            List<String> missing = required.stream().filter(c -> !columns.containsValue(c)).toList();
            List<Line> lines = new ArrayList<>();
            if (!missing.isEmpty()) {
                return new Parsed(lines, missing);
            }
            if (sheet.getLastRowNum() - sheet.getFirstRowNum() > maxRows) {
                throw new IllegalArgumentException("file：工作簿超过 " + maxRows + " 行，请分批导入");
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
        }
    }

    /**
     * Reads a CSV file (UTF-8, a byte-order mark allowed, comma-separated, the first line its header) into the
     * same rows as a workbook, so a module takes either with one check.
     */
    public static Parsed readCsv(InputStream in, List<String> required, int maxRows) throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        var format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        try (var parser = format.parse(reader)) {
            var records = parser.iterator();
            Map<Integer, String> columns = new LinkedHashMap<>();
            if (records.hasNext()) {
                var head = records.next();
                for (int i = 0; i < head.size(); i++) {
                    String name = head.get(i).replace("\uFEFF", "").strip();
                    if (!name.isEmpty()) {
                        columns.put(i, name);
                    }
                }
            }
            List<String> missing = required.stream().filter(c -> !columns.containsValue(c)).toList();
            List<Line> lines = new ArrayList<>();
            if (!missing.isEmpty()) {
                return new Parsed(lines, missing);
            }
            while (records.hasNext()) {
                var record = records.next();
                if (lines.size() >= maxRows) {
                    throw new IllegalArgumentException("file：文件超过 " + maxRows + " 行，请分批导入");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((index, name) -> {
                    String value = index < record.size() ? record.get(index).strip() : "";
                    if (!value.isEmpty()) {
                        cells.put(name, value);
                    }
                });
                if (!cells.isEmpty()) {
                    lines.add(new Line((int) record.getRecordNumber(), cells));
                }
            }
            return new Parsed(lines, List.of());
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("file：CSV 无法读取：" + e.getMessage());
        }
    }

    /** Reads a workbook (.xlsx) or, when the name ends in .csv, a CSV file. */
    public static Parsed read(InputStream in, String fileName, List<String> required, int maxRows) throws IOException {
        return fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? readCsv(in, required, maxRows)
                : read(in, required, maxRows);
    }

    /** A workbook being written: one sheet of captions, header rows and data rows, in order. */
    public static final class Writer {

        private final XSSFWorkbook book = new XSSFWorkbook();
        private Sheet sheet;
        private final CellStyle heading;
        private final CellStyle wrapped;
        private int next;

        private Writer(String sheetName) {
            sheet = book.createSheet(sheetName);
            Font bold = book.createFont();
            bold.setBold(true);
            heading = book.createCellStyle();
            heading.setFont(bold);
            wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        }

        /** Goes on in a new sheet of the same workbook. */
        public Writer sheet(String name) {
            sheet = book.createSheet(name);
            next = 0;
            return this;
        }

        /** A bold line of text (a title, a table's caption). */
        public Writer caption(String text) {
            Cell cell = sheet.createRow(next++).createCell(0);
            cell.setCellValue(text);
            cell.setCellStyle(heading);
            return this;
        }

        public Writer blank() {
            next++;
            return this;
        }

        /** A bold header row. */
        public Writer header(List<String> names) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < names.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(names.get(i));
                cell.setCellStyle(heading);
            }
            return this;
        }

        /** A data row; a null leaves its cell empty, numbers stay numbers. */
        public Writer row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof BigDecimal d) {
                    row.createCell(i).setCellValue(d.doubleValue());   // display only: the figure was computed exactly
                } else if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(v.toString());
                    if (v.toString().length() > 40) {
                        cell.setCellStyle(wrapped);   // long text wraps in its column instead of running over the next
                    }
                }
            }
            return this;
        }

        /** Column widths in characters, from the first column. */
        public Writer widths(int... characters) {
            for (int i = 0; i < characters.length; i++) {
                sheet.setColumnWidth(i, characters[i] * 256);
            }
            return this;
        }

        public byte[] bytes() {
            try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                book.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Writer writer(String sheetName) {
        return new Writer(sheetName);
    }
}
