package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.standards.Pollutant;
import org.lantian.standards.assessment.PeriodSummary;
import org.lantian.standards.assessment.TargetOutlook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual targets (PM2.5, composite index, good-day ratio, heavy-pollution days) of the city and each
 * county, entered by the city office, and how far the year has come: the plan's "以日控制目标倒推" —
 * what the rest of the year may average and today's PM2.5 control value.
 */
@Service
public class AirQualityTargets {

    private final JdbcClient jdbc;
    private final AirQualityPeriods periods;
    private final Divisions divisions;
    private final Actors actors;
    private final AuditLog audit;
    private final ResultsGeneration generation;
    private final Clock clock;

    AirQualityTargets(JdbcClient jdbc, AirQualityPeriods periods, Divisions divisions, Actors actors, AuditLog audit,
                      ResultsGeneration generation, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.divisions = divisions;
        this.actors = actors;
        this.audit = audit;
        this.generation = generation;
        this.clock = clock;
    }

    /** A year's targets of an area; a null target is not set. */
    public record Targets(int year, String areaCode, BigDecimal pm25, BigDecimal compositeIndex, BigDecimal goodDayRatio,
                          Integer heavyDaysCap) {
    }

    /** Sets (or replaces) an area's targets for a year: city office only, audited. */
    @Transactional
    public Targets set(Targets targets, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权设定年度目标");
        }
        Division area = divisions.require(targets.areaCode());
        jdbc.sql("""
                        INSERT INTO airquality_target (year, area_code, pm25, composite_index, good_day_ratio, heavy_days_cap, set_by, set_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (year, area_code) DO UPDATE SET pm25 = excluded.pm25, composite_index = excluded.composite_index,
                            good_day_ratio = excluded.good_day_ratio, heavy_days_cap = excluded.heavy_days_cap,
                            set_by = excluded.set_by, set_at = excluded.set_at""")
                .params(targets.year(), area.code(), targets.pm25(), targets.compositeIndex(), targets.goodDayRatio(),
                        targets.heavyDaysCap(), actors.current().username(), Timestamp.from(clock.instant()))
                .update();
        generation.advanceAfterCommit();
        audit.record("airquality.target.set", "target", targets.year() + "/" + area.code(),
                area.code().equals(Divisions.CITY_CODE) ? null : area.code(), reason,
                Map.of("pm25", String.valueOf(targets.pm25()), "compositeIndex", String.valueOf(targets.compositeIndex()),
                        "goodDayRatio", String.valueOf(targets.goodDayRatio()), "heavyDaysCap", String.valueOf(targets.heavyDaysCap())));
        return targets;
    }

    /** Where an area stands against its targets, with the back-calculated control values; empty without targets. */
    public record Progress(Targets targets, AirQualityPeriods.Figures yearToDate, int daysLeft, TargetOutlook.Pm25 pm25,
                           TargetOutlook.IndexTarget compositeIndex, TargetOutlook.GoodDays goodDays, TargetOutlook.HeavyDays heavyDays) {
    }

    /**
     * Progress of an area in {@code year}, counting the days up to yesterday (the last complete day).
     *
     * @throws org.lantian.platform.monitoring.NotFound when the area lies outside the actor's scope
     */
    public Optional<Progress> progress(int year, String areaCode) {
        periods.visibleArea(areaCode);
        return generation.get(List.of("progress", year, areaCode, LocalDate.now(clock)), () -> computeProgress(year, areaCode));
    }

    private Optional<Progress> computeProgress(int year, String areaCode) {
        Optional<Targets> targets = find(year, areaCode);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate to = yesterday.isBefore(last) ? yesterday : last;
        AirQualityPeriods.Figures ytd = periods.area(areaCode, first, to.isBefore(first) ? first : to);
        int daysLeft = to.isBefore(first) ? Year.of(year).length() : (int) (last.toEpochDay() - to.toEpochDay());
        List<AirQualityPeriods.StoredDay> days = periods.days(areaCode, first, to);
        List<BigDecimal> pm25 = days.stream().map(d -> d.values().means().get(Pollutant.PM2_5)).filter(java.util.Objects::nonNull)
                .map(m -> m.rounded(Pollutant.PM2_5.decimals())).toList();
        Targets t = targets.get();
        boolean over = daysLeft < 1;
        TargetOutlook.Pm25 pm25Outlook = t.pm25() == null || over ? null : TargetOutlook.pm25(t.pm25(), pm25, daysLeft);
        PeriodSummary summary = PeriodSummary.of(first, to, days.stream().map(AirQualityPeriods.StoredDay::values).toList());
        TargetOutlook.IndexTarget index = t.compositeIndex() == null || over || summary.statistics().size() < Pollutant.values().length
                ? null : TargetOutlook.compositeIndex(t.compositeIndex(), summary, AirQualityPeriods.INDEX, pm25, daysLeft);
        TargetOutlook.GoodDays good = t.goodDayRatio() == null ? null
                : TargetOutlook.goodDays(t.goodDayRatio(), ytd.validDays(), ytd.goodDays(), Math.max(daysLeft, 0));
        TargetOutlook.HeavyDays heavy = t.heavyDaysCap() == null ? null : TargetOutlook.heavyDays(t.heavyDaysCap(), ytd.heavyDays());
        return Optional.of(new Progress(t, ytd, daysLeft, pm25Outlook, index, good, heavy));
    }

    public Optional<Targets> find(int year, String areaCode) {
        periods.visibleArea(areaCode);
        return jdbc.sql("SELECT * FROM airquality_target WHERE year = ? AND area_code = ?")
                .params(year, areaCode)
                .query((rs, n) -> new Targets(rs.getInt("year"), rs.getString("area_code"), rs.getBigDecimal("pm25"),
                        rs.getBigDecimal("composite_index"), rs.getBigDecimal("good_day_ratio"),
                        (Integer) rs.getObject("heavy_days_cap")))
                .optional();
    }
}
