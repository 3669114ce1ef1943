package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the national network's station list: {@code 监测点编码,监测点名称,城市,经度,纬度} and optionally
 * {@code 对照点} (Y for background stations) and more. A name marked {@code (停运yyMMdd)} is a stopped station.
 */
public final class NationalStationListReader {

    private static final Pattern STOPPED = Pattern.compile("[（(]停运(\\d{6})?[)）]");
    private static final Pattern BACKGROUND = Pattern.compile("[（(]对照点[)）]");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    /** One listed station; {@code lon}/{@code lat} null when the list gives none. */
    public record Listed(long line, String code, String name, String city, BigDecimal lon, BigDecimal lat,
                  boolean background, boolean stopped) {
    }

    public record Result(List<Listed> stations, List<IngestReport.RowError> errors) {
    }

    /** Control stations the network marks, for lists without a {@code 对照点} column (monitoring/SOURCE.md). */
    private static final Set<String> KNOWN_BACKGROUND = knownBackground();

    private static Set<String> knownBackground() {
        try (Reader reader = new java.io.InputStreamReader(NationalStationListReader.class.getResourceAsStream(
                "/monitoring/background-stations.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            Set<String> codes = new java.util.HashSet<>();
            for (CSVRecord r : FORMAT.parse(reader)) {
                codes.add(r.get("code"));
            }
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read monitoring/background-stations.csv", e);
        }
    }

    /** Whether the network marks a station as a control (background) station, whatever a list says. */
    public static boolean knownBackground(String code) {
        return KNOWN_BACKGROUND.contains(code);
    }

    public static Result read(Reader input) throws IOException {
        List<Listed> stations = new ArrayList<>();
        List<IngestReport.RowError> errors = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(input)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : List.of("监测点编码", "监测点名称", "城市", "经度", "纬度")) {
                if (!header.containsKey(column) && !header.containsKey("\uFEFF" + column)) {
                    throw new BadInput("站点名录表头缺少列 " + column + "；应为 监测点编码,监测点名称,城市,经度,纬度[,对照点]");
                }
            }
            int code = header.containsKey("监测点编码") ? header.get("监测点编码") : header.get("\uFEFF监测点编码");
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != header.size()) {
                    errors.add(new IngestReport.RowError(line, "line", "本行有 " + r.size() + " 个字段，表头有 " + header.size() + " 个"));
                    continue;
                }
                String stationCode = r.get(code);
                if (!stationCode.matches("[A-Za-z0-9_.-]{1,32}")) {
                    errors.add(new IngestReport.RowError(line, "监测点编码", "不是站点编码：“" + stationCode + "”"));
                    continue;
                }
                String rawName = r.get("监测点名称");
                BigDecimal lon;
                BigDecimal lat;
                try {
                    lon = decimal(r.get("经度"));
                    lat = decimal(r.get("纬度"));
                } catch (NumberFormatException e) {
                    errors.add(new IngestReport.RowError(line, "经度/纬度", "不是坐标：“" + r.get("经度") + "”“" + r.get("纬度") + "”"));
                    continue;
                }
                if ((lon == null) != (lat == null)) {
                    errors.add(new IngestReport.RowError(line, "经度/纬度", "只给出了一个坐标"));
                    continue;
                }
                Matcher stopped = STOPPED.matcher(rawName);
                boolean background = header.containsKey("对照点") && "Y".equalsIgnoreCase(r.get("对照点"))
                        || BACKGROUND.matcher(rawName).find() || KNOWN_BACKGROUND.contains(stationCode);
                String name = BACKGROUND.matcher(STOPPED.matcher(rawName).replaceAll("")).replaceAll("").strip();
                stations.add(new Listed(line, stationCode, name, r.get("城市"), lon, lat, background, stopped.find()));
            }
        }
        return new Result(stations, errors);
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(text.strip());
    }
}
