package org.lantian.platform.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.alerts.TicketSource;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.enterprises.Facilities;
import org.lantian.platform.gateway.DeviceEvents;
import org.lantian.platform.gateway.DeviceRecords;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Compliance from the stacks' online monitors (CEMS): each outlet's hourly emission during a warning against
 * the plant's reduced level, which is the outlet's mean hourly emission over the days before the warning less
 * the share its measure at the level cuts from the plant's baseline. An hour above that level (with a margin
 * for normal variation) is a breach, raised as a ticket to the plant's county; and after the episode the same
 * series give the reductions achieved beside those planned.
 */
@Service
public class CemsCompliance {

    /** The pollutants of the baselines and the HJ 212 factors their emitted mass arrives under. */
    static final Map<String, String> FACTORS = Map.of("SO2", "a21026", "NOX", "a21002", "PM", "a34013", "VOCS", "a24088");
    static final Map<String, String> NAMES = Map.of("SO2", "二氧化硫", "NOX", "氮氧化物", "PM", "颗粒物", "VOCS", "挥发性有机物（非甲烷总烃）");
    /** Fewer valid hours than this before the warning give no reference, so no judgement. */
    static final int MIN_REFERENCE_HOURS = 24;

    private final DeviceRecords records;
    private final Facilities facilities;
    private final Measures measures;
    private final Warnings warnings;
    private final Tickets tickets;
    private final Actors actors;
    private final Duration referenceSpan;
    private final BigDecimal margin;

    CemsCompliance(DeviceRecords records, Facilities facilities, Measures measures, Warnings warnings, Tickets tickets, Actors actors,
                   @Value("${lantian.emergency.cems-reference-days:7}") int referenceDays,
                   @Value("${lantian.emergency.cems-margin-percent:10}") int marginPercent) {
        this.records = records;
        this.facilities = facilities;
        this.measures = measures;
        this.warnings = warnings;
        this.tickets = tickets;
        this.actors = actors;
        this.referenceSpan = Duration.ofDays(referenceDays);
        this.margin = BigDecimal.valueOf(100 + marginPercent, 2);
    }

    /**
     * Judged after the packet is committed, off the gateway's writer thread and in a transaction of its own, as
     * the alert detection judges the gateway's events: a judgement never slows or costs the gateway a packet.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(DeviceEvents.StackHour hour) {
        try {
            actors.asSystem(() -> check(hour.mn(), hour.hourStart()));
        } catch (RuntimeException failed) {
            org.slf4j.LoggerFactory.getLogger(CemsCompliance.class).warn("hour {} of {} not judged against the warning", hour.hourStart(), hour.mn(), failed);
        }
    }

    /** One outlet's hour against the warning over its plant then; returns the tickets raised or merged. */
    List<Long> check(String mn, Instant hour) {
        Facilities.MonitoredOutlet outlet = facilities.monitoredOutlets(List.of(mn)).stream().findFirst().orElse(null);
        if (outlet == null) {
            return List.of();
        }
        Warning w = warnings.over(outlet.countyCode(), hour).orElse(null);
        Measures.Measure m = w == null ? null : measures.of(outlet.creditCode()).stream().filter(x -> x.level() == w.level()).findFirst().orElse(null);
        if (m == null) {
            return List.of();
        }
        Map<String, BigDecimal> reference = reference(List.of(mn), w.startsAt()).getOrDefault(mn, Map.of());
        Map<String, BigDecimal> emitted = new LinkedHashMap<>();
        records.hourlyEmissions(List.of(mn), FACTORS.values(), hour, hour.plusSeconds(3600)).forEach(e -> emitted.put(e.factor(), e.kg()));
        List<String> breaches = new ArrayList<>();
        for (String pollutant : Reduction.POLLUTANTS) {
            BigDecimal share = share(m, pollutant);
            BigDecimal ref = reference.get(FACTORS.get(pollutant));
            BigDecimal kg = emitted.get(FACTORS.get(pollutant));
            if (share.signum() == 0 || ref == null || kg == null) {
                continue;
            }
            BigDecimal allowed = ref.multiply(BigDecimal.ONE.subtract(share));
            if (kg.compareTo(allowed.multiply(margin)) > 0) {
                breaches.add(NAMES.get(pollutant) + " " + kg(kg) + " kg，应急前小时均值 " + kg(ref) + " kg，减排 "
                        + share.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN) + "% 后应不高于 " + kg(allowed) + " kg");
            }
        }
        if (breaches.isEmpty()) {
            return List.of();
        }
        return List.of(tickets.raise(new Tickets.Finding(TicketSource.EMERGENCY, "CEMS:" + w.id() + ":" + mn,
                "应急管控：" + outlet.plantName() + " 排放未按措施下降",
                w.level().label() + Compliance.during(w.id()) + "，" + outlet.plantName() + "的措施为“" + m.text() + "”：排放口 " + outlet.outletCode()
                        + "（在线监测 " + mn + "）" + BeijingTime.minute(hour) + " 时段" + String.join("；", breaches) + "（允许超出 "
                        + margin.subtract(BigDecimal.ONE).movePointRight(2).stripTrailingZeros().toPlainString() + "%）。应急前均值为预警开始前 "
                        + referenceSpan.toDays() + " 天的有效小时数据",
                "ENTERPRISE", outlet.creditCode(), outlet.plantName(), outlet.countyCode(), Duration.ofMinutes(30), Duration.ofHours(2))));
    }

    /** A county's outlets under CEMS during a warning: plants, outlets, planned and achieved reductions (tonnes) and the achieved share (%). */
    public record Achieved(int plants, int outlets, Map<String, BigDecimal> plannedTonnes, Map<String, BigDecimal> achievedTonnes,
                           Map<String, BigDecimal> achievedPercent) {
    }

    /**
     * Per county, what the monitored plants achieved over the warning's stretches up to {@code to}: for each valid
     * hour the outlet's reference less what it emitted, summed; beside it the reduction their measures planned over
     * the same stretches (as the measures stood when the warning was issued).
     */
    Map<String, Achieved> achieved(Warning w, Instant to, Collection<String> counties,
                                   Map<String, Map<String, BigDecimal>> plannedByPlant) {
        List<Facilities.MonitoredOutlet> outlets = facilities.monitoredOutlets(null).stream().filter(o -> counties.contains(o.countyCode())).toList();
        List<String> mns = outlets.stream().map(Facilities.MonitoredOutlet::deviceMn).toList();
        Map<String, Map<String, BigDecimal>> reference = reference(mns, w.startsAt());
        Map<String, Map<String, BigDecimal>> cut = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> before = new LinkedHashMap<>();
        records.hourlyEmissions(mns, FACTORS.values(), w.startsAt(), to).forEach(e -> {
            BigDecimal ref = reference.getOrDefault(e.mn(), Map.of()).get(e.factor());
            if (ref != null) {
                cut.computeIfAbsent(e.mn(), k -> new LinkedHashMap<>()).merge(e.factor(), ref.subtract(e.kg()), BigDecimal::add);
                before.computeIfAbsent(e.mn(), k -> new LinkedHashMap<>()).merge(e.factor(), ref, BigDecimal::add);
            }
        });
        Map<String, Achieved> byCounty = new LinkedHashMap<>();
        for (String county : counties) {
            List<Facilities.MonitoredOutlet> here = outlets.stream().filter(o -> o.countyCode().equals(county)).toList();
            if (here.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> planned = new LinkedHashMap<>();
            Map<String, BigDecimal> achieved = new LinkedHashMap<>();
            Map<String, BigDecimal> percent = new LinkedHashMap<>();
            List<String> plants = here.stream().map(Facilities.MonitoredOutlet::creditCode).distinct().toList();
            for (String pollutant : Reduction.POLLUTANTS) {
                String factor = FACTORS.get(pollutant);
                BigDecimal p = BigDecimal.ZERO;
                for (String plant : plants) {
                    p = p.add(plannedByPlant.getOrDefault(plant, Map.of()).getOrDefault(pollutant, BigDecimal.ZERO));
                }
                BigDecimal a = BigDecimal.ZERO;
                BigDecimal b = BigDecimal.ZERO;
                for (var o : here) {
                    a = a.add(cut.getOrDefault(o.deviceMn(), Map.of()).getOrDefault(factor, BigDecimal.ZERO));
                    b = b.add(before.getOrDefault(o.deviceMn(), Map.of()).getOrDefault(factor, BigDecimal.ZERO));
                }
                planned.put(pollutant, p.setScale(3, RoundingMode.HALF_EVEN));
                achieved.put(pollutant, a.movePointLeft(3).setScale(3, RoundingMode.HALF_EVEN));
                percent.put(pollutant, b.signum() == 0 ? null : a.movePointRight(2).divide(b, 1, RoundingMode.HALF_EVEN));
            }
            byCounty.put(county, new Achieved(plants.size(), here.size(), planned, achieved, percent));
        }
        return byCounty;
    }

    /** Each outlet's mean hourly emission per factor over the reference days before a moment (with enough valid hours). */
    private Map<String, Map<String, BigDecimal>> reference(List<String> mns, Instant before) {
        Map<String, Map<String, BigDecimal[]>> sums = new LinkedHashMap<>();
        records.hourlyEmissions(mns, FACTORS.values(), before.minus(referenceSpan), before).forEach(e -> {
            BigDecimal[] s = sums.computeIfAbsent(e.mn(), k -> new LinkedHashMap<>()).computeIfAbsent(e.factor(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            s[0] = s[0].add(e.kg());
            s[1] = s[1].add(BigDecimal.ONE);
        });
        Map<String, Map<String, BigDecimal>> means = new LinkedHashMap<>();
        sums.forEach((mn, factors) -> factors.forEach((factor, s) -> {
            if (s[1].intValue() >= MIN_REFERENCE_HOURS) {
                means.computeIfAbsent(mn, k -> new LinkedHashMap<>()).put(factor, s[0].divide(s[1], 6, RoundingMode.HALF_EVEN));
            }
        }));
        return means;
    }

    /** The share of the plant's baseline its measure cuts, per pollutant (0 when it has no baseline for it). */
    private static BigDecimal share(Measures.Measure m, String pollutant) {
        BigDecimal base = m.base().getOrDefault(pollutant, BigDecimal.ZERO);
        return base.signum() == 0 ? BigDecimal.ZERO : m.cut().getOrDefault(pollutant, BigDecimal.ZERO).divide(base, 4, RoundingMode.HALF_EVEN);
    }

    private static String kg(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
