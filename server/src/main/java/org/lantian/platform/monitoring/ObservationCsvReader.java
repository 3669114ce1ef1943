package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Lantian's own CSV layout, one value per line:
 * <pre>
 * station,pollutant,averaging,period_end,value,flag
 * 1047A,PM2_5,1h,2023-01-01 08:00,35,N
 * </pre>
 * {@code averaging} and {@code flag} may be left out (defaults {@code 1h} and {@code N});
 * {@code period_end} is ISO-8601 with an offset, or a local time read as Beijing time. Line numbers
 * count the header as line 1.
 */
public final class ObservationCsvReader implements RowSource {

    static final List<String> REQUIRED = List.of("station", "pollutant", "period_end", "value");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true).get();

    private final Reader input;

    public ObservationCsvReader(Reader input) {
        this.input = input;
    }

    /** Opens a reader on the start of a CSV. */
    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }

    /** A CSV opened anew for each reading, such as an upload kept on disk. */
    public static RowSource.Rereadable opening(Opener file) {
        return sink -> {
            try (Reader reader = file.open()) {
                new ObservationCsvReader(reader).readInto(sink);
            }
        };
    }

    @Override
    public void readInto(RowSink sink) throws IOException {
        try (CSVParser parser = FORMAT.parse(input)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
            if (missing.isEmpty() == false) {
                throw new BadInput("CSV 表头缺少列 " + missing + "；应为 station,pollutant,averaging,period_end,value,flag");
            }
            int station = header.get("station");
            int pollutant = header.get("pollutant");
            int periodEnd = header.get("period_end");
            int value = header.get("value");
            int averaging = header.getOrDefault("averaging", -1);
            int flag = header.getOrDefault("flag", -1);
            int width = header.size();
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    sink.reject(line + 1, "line", "CSV 格式错误，读取到此中止：" + e.getMessage());
                    return;
                }
                line = record.getRecordNumber() + 1;
                if (record.size() != width) {
                    sink.reject(line, "line", "本行有 " + record.size() + " 个字段，表头有 " + width + " 个");
                    continue;
                }
                read(line, record, station, pollutant, periodEnd, value, averaging, flag, sink);
            }
        }
    }

    private static void read(long line, CSVRecord r, int station, int pollutant, int periodEnd, int value,
                             int averaging, int flag, RowSink sink) {
        new RawObservation(r.get(station), r.get(pollutant), averaging < 0 ? null : r.get(averaging),
                r.get(periodEnd), r.get(value), flag < 0 ? null : r.get(flag)).readInto(line, sink);
    }
}
