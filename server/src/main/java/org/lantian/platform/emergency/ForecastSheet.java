package org.lantian.platform.emergency;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.monitoring.IngestReport.RowError;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The forecasting centre's file (XLSX or CSV, docs/emergency.md): one row per period, grouped into issues by
 * their issue time. Every wrong row is named by line, column and reason; a file is taken whole or not at all.
 */
@Service
public class ForecastSheet {

    static final long MAX_BYTES = 1024 * 1024;
    static final String ISSUED = "发布时间";
    static final String DATE = "日期";
    static final String START = "开始时间";
    static final String END = "结束时间";
    static final String LOW = "AQI下限";
    static final String HIGH = "AQI上限";
    static final String PRIMARY = "首要污染物";

    /** What an import did. */
    public record Report(int received, int issues, int periods, boolean stored, List<RowError> errors) {
    }

    private final Forecasts forecasts;
    private final TransactionTemplate transactions;

    ForecastSheet(Forecasts forecasts, PlatformTransactionManager transactionManager) {
        this.forecasts = forecasts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Report importFile(InputStream in, String fileName) throws IOException {
        OfficeWorkbook.Parsed parsed = OfficeWorkbook.read(in, fileName, List.of(ISSUED, LOW, HIGH), 500);
        if (!parsed.missingColumns().isEmpty()) {
            return new Report(0, 0, 0, false, parsed.missingColumns().stream()
                    .map(c -> new RowError(1, c, "表头缺少“" + c + "”列（表头见 docs/emergency.md）")).toList());
        }
        Map<Instant, List<ForecastPeriod>> issues = new LinkedHashMap<>();
        Map<Instant, Integer> firstLine = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (OfficeWorkbook.Line line : parsed.lines()) {
            try {
                Instant issued = time(line, ISSUED);
                Instant start;
                Instant end;
                if (line.get(DATE) != null) {
                    LocalDate day = date(line, DATE);
                    start = day.atStartOfDay(BeijingTime.ZONE).toInstant();
                    end = day.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
                } else {
                    start = time(line, START);
                    end = time(line, END);
                }
                issues.computeIfAbsent(issued, k -> new ArrayList<>())
                        .add(new ForecastPeriod(start, end, aqi(line, LOW), aqi(line, HIGH), line.get(PRIMARY)));
                firstLine.putIfAbsent(issued, line.line());
            } catch (Problem p) {
                errors.add(new RowError(line.line(), p.column, p.getMessage()));
            }
        }
        if (!errors.isEmpty() || issues.isEmpty()) {
            return new Report(parsed.lines().size(), 0, 0, false, errors);
        }
        RowError[] refused = new RowError[1];
        transactions.executeWithoutResult(status -> {
            for (var issue : issues.entrySet()) {
                try {
                    forecasts.record(issue.getKey(), issue.getValue(), fileName == null ? "导入" : "导入 " + abbreviated(fileName));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    refused[0] = new RowError(firstLine.get(issue.getKey()), ISSUED, "发布时间 " + BeijingTime.minute(issue.getKey()) + " 的预报："
                            + e.getMessage());
                    status.setRollbackOnly();
                    return;
                }
            }
        });
        if (refused[0] != null) {
            return new Report(parsed.lines().size(), 0, 0, false, List.of(refused[0]));
        }
        return new Report(parsed.lines().size(), issues.size(), issues.values().stream().mapToInt(List::size).sum(), true, List.of());
    }

    /** A file's name as the source of its forecasts: long names keep their start and end. */
    private static String abbreviated(String fileName) {
        return fileName.length() <= 150 ? fileName : fileName.substring(0, 70) + "…" + fileName.substring(fileName.length() - 70);
    }

    private static final class Problem extends RuntimeException {
        final String column;

        Problem(String column, String message) {
            super(message);
            this.column = column;
        }
    }

    /** A Beijing time as 2026-12-09 16:00 (or 2026/12/9 16:00, or ISO 2026-12-09T16:00). */
    private static Instant time(OfficeWorkbook.Line line, String column) {
        String v = line.get(column);
        if (v == null) {
            throw new Problem(column, "请填写" + column);
        }
        try {
            return BeijingTime.parseMinute(v);
        } catch (DateTimeParseException e) {
            throw new Problem(column, "“" + v + "”不是北京时间的日期和时间（如 2026-12-09 16:00）");
        }
    }

    private static LocalDate date(OfficeWorkbook.Line line, String column) {
        String v = line.get(column);
        try {
            return LocalDate.parse(v.replace('/', '-'), DateTimeFormatter.ofPattern("yyyy-M-d"));
        } catch (DateTimeParseException e) {
            throw new Problem(column, "“" + v + "”不是日期（如 2026-12-10）");
        }
    }

    private static int aqi(OfficeWorkbook.Line line, String column) {
        String v = line.get(column);
        if (v == null) {
            throw new Problem(column, "请填写" + column);
        }
        try {
            int aqi = Integer.parseInt(v.strip());
            if (aqi < 0 || aqi > 500) {
                throw new Problem(column, "AQI 应在 0–500 之间，收到 " + aqi);
            }
            return aqi;
        } catch (NumberFormatException e) {
            throw new Problem(column, "“" + v + "”不是整数");
        }
    }
}
