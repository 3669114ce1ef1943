package org.lantian.platform.emergency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecasting centre's city AQI forecasts, kept with their issue time: entered by hand or imported. A
 * proposal reads the latest issue; earlier issues stay, so a warning's basis can be seen afterwards.
 */
@Service
public class Forecasts {

    /** The most periods one issue may hold (two weeks of daily forecasts). */
    static final int MAX_PERIODS = 14;

    public record Issue(Instant issuedAt, String source, String recordedBy, List<ForecastPeriod> periods) {
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    Forecasts(JdbcClient jdbc, Actors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one issue of the forecast: city office. Periods must not overlap; each is 1–72 hours. */
    @Transactional
    public Issue record(Instant issuedAt, List<ForecastPeriod> periods, String source) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权录入空气质量预报");
        }
        Instant now = clock.instant();
        if (issuedAt == null || issuedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new IllegalArgumentException("issuedAt：请填写不晚于现在的发布时间");
        }
        if (periods == null || periods.isEmpty() || periods.size() > MAX_PERIODS) {
            throw new IllegalArgumentException("periods：每期预报 1–" + MAX_PERIODS + " 个时段");
        }
        List<ForecastPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(java.util.Comparator.comparing(ForecastPeriod::start, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        for (int i = 0; i < sorted.size(); i++) {
            check(i, sorted.get(i));
            if (i > 0 && sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("periods[" + i + "]：时段与前一时段重叠");
            }
        }
        String from = source == null || source.isBlank() ? "人工录入" : source.strip();
        if (from.length() > 200) {
            throw new IllegalArgumentException("source：来源不超过 200 字");
        }
        try {
            for (ForecastPeriod p : sorted) {
                jdbc.sql("""
                                INSERT INTO emergency_forecast (issued_at, period_start, period_end, aqi_low, aqi_high, primary_pollutant, source,
                                                                recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(Timestamp.from(issuedAt), Timestamp.from(p.start()), Timestamp.from(p.end()), p.aqiLow(), p.aqiHigh(),
                                p.primaryPollutant(), from, actors.current().username(), Timestamp.from(now))
                        .update();
            }
        } catch (DuplicateKeyException twice) {
            throw new IllegalArgumentException("issuedAt：" + issuedAt + " 发布的预报已录入");
        }
        audit.record("emergency.forecast.recorded", "forecast", issuedAt.toString(), null, from, Map.of("periods", String.valueOf(sorted.size())));
        return latest().orElseThrow();
    }

    private static void check(int i, ForecastPeriod p) {
        String at = "periods[" + i + "]";
        if (p.start() == null || p.end() == null || !p.end().isAfter(p.start())) {
            throw new IllegalArgumentException(at + "：请填写时段的开始和结束，结束晚于开始");
        }
        if (p.hours() > 72 || Duration.between(p.start(), p.end()).toMinutes() % 60 != 0) {
            throw new IllegalArgumentException(at + "：时段应为 1–72 个整小时，收到 " + Duration.between(p.start(), p.end()).toMinutes() + " 分钟");
        }
        if (p.aqiLow() < 0 || p.aqiHigh() > 500 || p.aqiLow() > p.aqiHigh()) {
            throw new IllegalArgumentException(at + "：AQI 范围应在 0–500 之间且下限不大于上限，收到 " + p.aqiLow() + "–" + p.aqiHigh());
        }
        if (p.primaryPollutant() != null && p.primaryPollutant().length() > 20) {
            throw new IllegalArgumentException(at + "：首要污染物不超过 20 字");
        }
    }

    /** The latest issue. */
    public java.util.Optional<Issue> latest() {
        return jdbc.sql("SELECT max(issued_at) FROM emergency_forecast").query(Timestamp.class).optional()
                .filter(java.util.Objects::nonNull).map(t -> issue(t.toInstant()));
    }

    /** The issues of the last {@code days} days, newest first. */
    public List<Issue> recent(int days) {
        return jdbc.sql("SELECT DISTINCT issued_at FROM emergency_forecast WHERE issued_at >= ? ORDER BY issued_at DESC LIMIT 60")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(days)))).query(Timestamp.class).list()
                .stream().map(t -> issue(t.toInstant())).toList();
    }

    Issue issue(Instant issuedAt) {
        List<String[]> meta = new ArrayList<>();
        List<ForecastPeriod> periods = jdbc.sql("SELECT * FROM emergency_forecast WHERE issued_at = ? ORDER BY period_start")
                .param(Timestamp.from(issuedAt))
                .query((rs, n) -> {
                    meta.add(new String[] {rs.getString("source"), rs.getString("recorded_by")});
                    return new ForecastPeriod(rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(),
                            rs.getInt("aqi_low"), rs.getInt("aqi_high"), rs.getString("primary_pollutant"));
                }).list();
        return new Issue(issuedAt, meta.isEmpty() ? null : meta.get(0)[0], meta.isEmpty() ? null : meta.get(0)[1], periods);
    }
}
