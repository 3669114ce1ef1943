package org.lantian.platform.enterprises;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.lantian.platform.workbooks.OfficeWorkbook;

/** Cells of an imported row read as values, a wrong one named by its column. */
final class Cells {

    private Cells() {
    }

    /** A date as 2023-06-01 or 2023/6/1; null when the cell is empty. */
    static LocalDate date(OfficeWorkbook.Line line, String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        String[] parts = v.replace('/', '-').replace('.', '-').split("-");
        try {
            if (parts.length != 3) {
                throw new DateTimeParseException(v, v, 0);
            }
            return LocalDate.of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new RowProblem(column, "“" + v + "”不是日期（如 2023-06-01）");
        }
    }

    /** A whole number within bounds; null when the cell is empty. */
    static Integer whole(OfficeWorkbook.Line line, String column, int min, int max) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new RowProblem(column, "应为 " + min + "–" + max + "，收到 " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RowProblem(column, "“" + v + "”不是整数");
        }
    }
}
