package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;

/**
 * Reads the national network's public daily files ({@code china_sites_YYYYMMDD.csv}): header
 * {@code date,hour,type,<station>,<station>,...}, one row per hour and type.
 *
 * <p>Hours are hour-ending: {@code date=20230101, hour=16} is the mean of 15:00–16:00, and hour 0 is the
 * last hour of the previous day; so the period end is simply date + hour, Beijing time. The six raw
 * hourly types are stored as measurements; the derived types ({@code AQI}, {@code X_24h}, {@code O3_8h},
 * {@code O3_8h_24h}) are stored apart as published reference values. Blank cells are no value.
 */
public final class ChinaSitesReader implements RowSource {

    static final Set<String> PUBLISHED_TYPES = Set.of("AQI", "PM2.5_24h", "PM10_24h", "SO2_24h", "NO2_24h",
            "O3_24h", "O3_8h", "O3_8h_24h", "CO_24h");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    private final Reader input;

    public ChinaSitesReader(Reader input) {
        this.input = input;
    }

    @Override
    public void readInto(RowSink sink) throws IOException {
        try (CSVParser parser = FORMAT.parse(input)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadInput("空文件：应以表头 date,hour,type,<站点编码> 开始");
            }
            CSVRecord header = records.next();
            if (header.size() < 3 || !header.get(0).replace("\uFEFF", "").equals("date")
                    || !header.get(1).equals("hour") || !header.get(2).equals("type")) {
                throw new BadInput("不是国家网日数据文件：表头应以 date,hour,type 开始");
            }
            List<String> stations = new ArrayList<>();
            boolean[] skip = new boolean[header.size()];
            for (int i = 3; i < header.size(); i++) {
                stations.add(header.get(i));
                skip[i] = header.get(i).isEmpty() || sink.rejectColumn(1, header.get(i));
            }
            while (records.hasNext()) {
                CSVRecord row = records.next();
                readRow(row.getRecordNumber(), row, stations, skip, sink);
            }
        }
    }

    private static void readRow(long line, CSVRecord row, List<String> stations, boolean[] skip, RowSink sink) {
        if (row.size() < 3) {
            sink.reject(line, "line", "本行只有 " + row.size() + " 个字段，应含 date,hour,type 和站点数值");
            return;
        }
        Instant end;
        try {
            int hour = Integer.parseInt(row.get(1));
            if (hour < 0 || hour > 23) {
                sink.reject(line, "hour", "小时 " + hour + " 不在 0–23 之间");
                return;
            }
            end = LocalDate.parse(row.get(0), DATE).atTime(hour, 0).atZone(BeijingTime.ZONE).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            sink.reject(line, "date/hour", "无法识别的日期和小时：“" + row.get(0) + "”“" + row.get(1) + "”");
            return;
        }
        String type = row.get(2);
        Map.Entry<String, Averaging> series = seriesOf(type);
        if (series == null) {
            sink.reject(line, "type", "未知数据类型“" + type + "”");
            return;
        }
        if (row.size() > skip.length) {
            sink.reject(line, "line", "本行有 " + row.size() + " 个字段，多于表头的 " + skip.length + " 个");
            return;
        }
        for (int i = 3; i < row.size(); i++) {
            if (skip[i]) {
                continue;
            }
            String cell = row.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            String station = stations.get(i - 3);
            try {
                sink.accept(line, new Observation(station, series.getKey(), series.getValue(), end,
                        new BigDecimal(cell), Observation.NORMAL));
            } catch (NumberFormatException e) {
                sink.reject(line, station, "不是数值：“" + cell + "”");
            }
        }
    }

    private static Map.Entry<String, Averaging> seriesOf(String type) {
        if (PUBLISHED_TYPES.contains(type)) {
            return Map.entry(type, Averaging.PUBLISHED);
        }
        return Pollutant.parse(type)
                .filter(p -> p.publishedName().equals(type))
                .map(p -> Map.entry(p.code(), Averaging.HOUR))
                .orElse(null);
    }
}
