package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.alerts.TicketSource;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.enterprises.Facilities;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance from data while a warning is on: each sub-meter reading and gate record is checked as it arrives
 * against the plant's measure at the warning's level, and each breach becomes a ticket to the plant's county
 * through the alerts module (source EMERGENCY), naming the plant, the line or truck, the measure broken and the
 * readings that prove it. One breach of a line or truck in a warning is one ticket; later proof is merged in.
 */
@Service
public class Compliance {

    /** A sub-meter reading: a line's active power at a moment. */
    public record Reading(String meterPoint, Instant at, BigDecimal kw) {
    }

    /** A heavy truck passing a plant's gate, with its emission stage (4: 国四). */
    public record GateRecord(String creditCode, String plate, int emissionStage, String direction, Instant at) {
    }

    /** What a feed did: stored, already there, not matched to a line or plant, and the tickets raised or merged. */
    public record Report(int received, int stored, int duplicates, List<String> unknown, List<Long> tickets) {
    }

    static final int MAX_BATCH = 5000;
    /** How long a reading stands for its line when another line's reading is judged against it. */
    static final Duration READING_STANDS = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Facilities facilities;
    private final Measures measures;
    private final Warnings warnings;
    private final Tickets tickets;
    private final Actors actors;
    private final Clock clock;
    private final BigDecimal idleKw;

    Compliance(JdbcClient jdbc, Facilities facilities, Measures measures, Warnings warnings, Tickets tickets, Actors actors, Clock clock,
               @Value("${lantian.emergency.idle-kw:10}") BigDecimal idleKw) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.measures = measures;
        this.warnings = warnings;
        this.tickets = tickets;
        this.actors = actors;
        this.clock = clock;
        this.idleKw = idleKw;
    }

    /** Stores sub-meter readings (city office, or a system with its token) and checks each plant they touch. */
    @Transactional
    public Report readings(List<Reading> readings) {
        requireFeed(readings == null ? 0 : readings.size());
        Instant now = clock.instant();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (r.meterPoint() == null || r.meterPoint().isBlank() || r.meterPoint().length() > 64) {
                throw new IllegalArgumentException("readings[" + i + "].meterPoint：计量点编号应为 1–64 个字符");
            }
            if (r.at() == null || r.at().isAfter(now.plus(Duration.ofMinutes(10)))) {
                throw new IllegalArgumentException("readings[" + i + "].at：请填写不晚于现在的读数时间");
            }
            if (r.kw() == null || r.kw().signum() < 0 || r.kw().compareTo(BigDecimal.valueOf(10_000_000)) >= 0) {
                throw new IllegalArgumentException("readings[" + i + "].kw：功率应为 0 至 10 000 000 kW");
            }
        }
        Map<String, Facilities.MeteredLine> lines = facilities.meteredLines(readings.stream().map(Reading::meterPoint).distinct().toList());
        int stored = 0;
        Set<String> plants = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Reading r : readings) {
            Facilities.MeteredLine line = lines.get(r.meterPoint());
            if (line == null) {
                if (!unknown.contains(r.meterPoint())) {
                    unknown.add(r.meterPoint());
                }
                continue;
            }
            stored += jdbc.sql("INSERT INTO emergency_submeter_reading (meter_point, at, kw, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(r.meterPoint(), Timestamp.from(r.at()), r.kw(), Timestamp.from(now)).update();
            plants.add(line.creditCode());
        }
        List<Long> raised = new ArrayList<>();
        for (String plant : plants) {
            raised.addAll(checkPlant(plant));
        }
        return new Report(readings.size(), stored, readings.size() - stored - (int) readings.stream().filter(r -> !lines.containsKey(r.meterPoint())).count(),
                unknown, raised);
    }

    /**
     * A sub-meter concentrator's readings over HJ 212: channel eNNNNN of device MN is meter point "MN-eNNNNN".
     * Judged after the packet is committed, in a transaction of its own: a reading that cannot be judged must
     * never cost the gateway a packet it has acknowledged.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    void on(org.lantian.platform.gateway.DeviceEvents.SubmeterReadings readings) {
        List<Reading> batch = new ArrayList<>();
        readings.kw().forEach((factor, kw) -> batch.add(new Reading(readings.mn() + "-" + factor, readings.at(), kw)));
        try {
            actors.asSystem(() -> readings(batch));
        } catch (IllegalArgumentException refused) {
            org.slf4j.LoggerFactory.getLogger(Compliance.class).warn("sub-meter readings of {} not judged: {}", readings.mn(), refused.getMessage());
        }
    }

    /** What a readings file did: every wrong row named (then nothing is stored), or what the readings did. */
    public record FileReport(int received, Report stored, List<org.lantian.platform.monitoring.IngestReport.RowError> errors) {
    }

    static final String METER = "计量点";
    static final String TIME = "时间";
    static final String POWER = "功率（kW）";

    /**
     * Sub-meter readings from a file (CSV or XLSX through the shared reader): columns 计量点, 时间 (Beijing
     * time, 2026-12-02 10:00), 功率（kW）. The file is taken whole or not at all; each wrong row is named.
     */
    public FileReport readingsFile(java.io.InputStream in, String fileName) throws java.io.IOException {
        requireFeed(1);
        var parsed = org.lantian.platform.workbooks.OfficeWorkbook.read(in, fileName, List.of(METER, TIME, POWER), MAX_BATCH);
        List<org.lantian.platform.monitoring.IngestReport.RowError> errors = new ArrayList<>();
        parsed.missingColumns().forEach(c -> errors.add(new org.lantian.platform.monitoring.IngestReport.RowError(1, c, "表头缺少“" + c + "”列")));
        List<Reading> readings = new ArrayList<>();
        for (var line : parsed.lines()) {
            try {
                String time = line.get(TIME) == null ? "" : line.get(TIME).strip();
                Instant at;
                try {
                    at = BeijingTime.parseMinute(time);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(TIME + "：“" + time + "”不是北京时间的日期和时间（如 2026-12-02 10:00）");
                }
                BigDecimal kw;
                try {
                    kw = new BigDecimal(String.valueOf(line.get(POWER)).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(POWER + "：“" + line.get(POWER) + "”不是数字");
                }
                if (line.get(METER) == null) {
                    throw new IllegalArgumentException(METER + "：请填写计量点编号");
                }
                readings.add(new Reading(line.get(METER), at, kw));
            } catch (IllegalArgumentException e) {
                int colon = e.getMessage().indexOf('：');
                errors.add(new org.lantian.platform.monitoring.IngestReport.RowError(line.line(), e.getMessage().substring(0, colon),
                        e.getMessage().substring(colon + 1)));
            }
        }
        if (!errors.isEmpty() || readings.isEmpty()) {
            return new FileReport(parsed.lines().size(), null, errors);
        }
        try {
            return new FileReport(parsed.lines().size(), readings(readings), List.of());
        } catch (IllegalArgumentException refused) {
            String message = refused.getMessage();
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("readings\\[(\\d+)]\\.(\\w+)：(.*)").matcher(message);
            if (row.matches()) {
                var l = parsed.lines().get(Integer.parseInt(row.group(1)));
                String column = switch (row.group(2)) {
                    case "at" -> TIME;
                    case "kw" -> POWER;
                    default -> METER;
                };
                return new FileReport(parsed.lines().size(), null, List.of(new org.lantian.platform.monitoring.IngestReport.RowError(l.line(), column,
                        row.group(3))));
            }
            throw refused;
        }
    }

    /** A plant's lines judged on their latest readings against its measure under the warning in force over its county. */
    private List<Long> checkPlant(String creditCode) {
        List<Facilities.MeteredLine> lines = facilities.meteredLinesOf(creditCode);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Reading> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (meter_point) meter_point, at, kw FROM emergency_submeter_reading
                         WHERE meter_point = ANY(?) ORDER BY meter_point, at DESC""")
                .param(lines.stream().map(Facilities.MeteredLine::meterPoint).toArray(String[]::new))
                .query(rs -> {
                    latest.put(rs.getString(1), new Reading(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)));
                });
        List<Long> raised = new ArrayList<>();
        List<Measures.Measure> plantMeasures = actors.asSystem(() -> measures.of(creditCode));
        for (Facilities.MeteredLine line : lines) {
            Reading r = latest.get(line.meterPoint());
            if (r == null) {
                continue;
            }
            Warning w = warningOver(line.countyCode(), r.at());
            if (w == null) {
                continue;
            }
            Measures.Measure m = plantMeasures.stream().filter(x -> x.level() == w.level()).findFirst().orElse(null);
            if (m == null) {
                continue;
            }
            boolean running = r.kw().compareTo(idleKw) > 0;
            if (line.kind() == Facilities.LineKind.PRODUCTION && running && stops(m, line.lineId())) {
                raised.add(raise(w, line, "停产生产线仍在用电", "STOPPED_LINE:" + w.id() + ":" + line.lineId(),
                        line.lineName() + "（计量点 " + line.meterPoint() + "）" + BeijingTime.minute(r.at()) + " 功率 " + r.kw().toPlainString()
                                + " kW，高于空载阈值 " + idleKw.toPlainString() + " kW", m, series(line.meterPoint(), r.at())));
            }
            if (line.kind() == Facilities.LineKind.TREATMENT && !running && line.serves() != null) {
                Facilities.MeteredLine served = lines.stream().filter(l -> l.lineName().equals(line.serves())).findFirst().orElse(null);
                Reading p = served == null ? null : latest.get(served.meterPoint());
                if (p != null && p.kw().compareTo(idleKw) > 0 && !p.at().isBefore(r.at().minus(READING_STANDS)) && !r.at().isBefore(p.at().minus(READING_STANDS))) {
                    raised.add(raise(w, line, "治理设施停运而生产线运行", "TREATMENT_OFF:" + w.id() + ":" + line.lineId(),
                            line.lineName() + " " + BeijingTime.minute(r.at()) + " 功率 " + r.kw().toPlainString() + " kW（停运），而其治理的 "
                                    + served.lineName() + " " + BeijingTime.minute(p.at()) + " 功率 " + p.kw().toPlainString() + " kW（运行）",
                            m, series(line.meterPoint(), r.at()) + "；" + series(served.meterPoint(), p.at())));
                }
            }
        }
        return raised;
    }

    /** Records trucks at plants' gates (city office, or the gate system with its token) and checks each entry against the truck ban. */
    @Transactional
    public Report gateRecords(List<GateRecord> records) {
        requireFeed(records == null ? 0 : records.size());
        Instant now = clock.instant();
        int stored = 0;
        List<Long> raised = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            GateRecord g = records.get(i);
            String at = "records[" + i + "]";
            if (g.plate() == null || g.plate().isBlank() || g.plate().length() > 16) {
                throw new IllegalArgumentException(at + ".plate：车牌应为 1–16 个字符");
            }
            if (g.emissionStage() < 0 || g.emissionStage() > 6) {
                throw new IllegalArgumentException(at + ".emissionStage：排放阶段应为 0–6（4 为国四）");
            }
            if (!"IN".equals(g.direction()) && !"OUT".equals(g.direction())) {
                throw new IllegalArgumentException(at + ".direction：应为 IN（进厂）或 OUT（出厂）");
            }
            if (g.at() == null || g.at().isAfter(now.plus(Duration.ofMinutes(10)))) {
                throw new IllegalArgumentException(at + ".at：请填写不晚于现在的时间");
            }
        }
        for (GateRecord g : records) {
            Facilities.PlantBase plant;
            try {
                plant = facilities.reductionBase(g.creditCode());
            } catch (RuntimeException notAPlant) {
                if (!unknown.contains(g.creditCode())) {
                    unknown.add(g.creditCode());
                }
                continue;
            }
            int n = jdbc.sql("""
                            INSERT INTO emergency_gate_record (credit_code, plate, emission_stage, direction, at, received_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(plant.creditCode(), g.plate().strip(), g.emissionStage(), g.direction(), Timestamp.from(g.at()), Timestamp.from(now)).update();
            stored += n;
            if (n == 0 || !"IN".equals(g.direction())) {
                continue;
            }
            Warning w = warningOver(plant.countyCode(), g.at());
            Measures.Measure m = w == null ? null : measureAt(plant.creditCode(), w.level());
            if (m != null && m.truckBanStage() > 0 && g.emissionStage() <= m.truckBanStage()) {
                String stage = g.emissionStage() == 0 ? "国零" : "国" + "一二三四五六".charAt(g.emissionStage() - 1);
                raised.add(tickets.raise(new Tickets.Finding(TicketSource.EMERGENCY, "GATE:" + w.id() + ":" + plant.creditCode() + ":" + g.plate().strip(),
                        "应急管控：" + plant.name() + " 禁行货车进厂", w.level().label() + during(w.id()) + "，" + plant.name() + "的措施为“" + m.text()
                                + "”，" + stage + "重型货车 " + g.plate().strip() + " 于 " + BeijingTime.minute(g.at()) + " 进厂（门禁记录）",
                        "ENTERPRISE", plant.creditCode(), plant.name(), plant.countyCode(), Duration.ofMinutes(30), Duration.ofHours(2))));
            }
        }
        return new Report(records.size(), stored, records.size() - stored - unknown.size(), unknown, raised);
    }

    private long raise(Warning w, Facilities.MeteredLine line, String breach, String matter, String what, Measures.Measure m, String evidence) {
        return tickets.raise(new Tickets.Finding(TicketSource.EMERGENCY, matter, "应急管控：" + line.plantName() + " " + breach,
                w.level().label() + during(w.id()) + "，" + line.plantName() + "的措施为“" + m.text() + "”：" + what + "。读数：" + evidence,
                "ENTERPRISE", line.creditCode(), line.plantName(), line.countyCode(), Duration.ofMinutes(30), Duration.ofHours(2)));
    }

    /** How a breach ticket names its warning; the warning's evaluation finds its breaches by it. */
    static String during(long warningId) {
        return "（#" + warningId + "）期间";
    }

    /** The last readings of a meter up to a moment, as evidence: "12:00 0.0 kW、13:00 356.2 kW". */
    private String series(String meterPoint, Instant upTo) {
        List<String> points = jdbc.sql("SELECT at, kw FROM emergency_submeter_reading WHERE meter_point = ? AND at <= ? ORDER BY at DESC LIMIT 4")
                .params(meterPoint, Timestamp.from(upTo))
                .query((rs, n) -> BeijingTime.minute(rs.getTimestamp(1).toInstant()).substring(5) + " " + rs.getBigDecimal(2).toPlainString() + " kW")
                .list();
        List<String> oldestFirst = new ArrayList<>(points);
        java.util.Collections.reverse(oldestFirst);
        return meterPoint + "：" + String.join("、", oldestFirst);
    }

    private boolean stops(Measures.Measure m, long lineId) {
        return m.kind() == MeasureKind.STOP || (m.kind() == MeasureKind.STOP_SHARE && m.stopLineIds().contains(lineId));
    }

    /** The strictest warning in force over a county at a moment, at its level then. */
    private Warning warningOver(String countyCode, Instant at) {
        return warnings.over(countyCode, at).orElse(null);
    }

    private Measures.Measure measureAt(String creditCode, WarningLevel level) {
        return actors.asSystem(() -> measures.of(creditCode)).stream().filter(m -> m.level() == level).findFirst().orElse(null);
    }

    private void requireFeed(int size) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权提交分表计电或门禁数据（请用市大气办为接入系统签发的令牌）");
        }
        if (size < 1 || size > MAX_BATCH) {
            throw new IllegalArgumentException("records：每批 1–" + MAX_BATCH + " 条，收到 " + size + " 条");
        }
    }
}
