package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.RecomputationFailures;
import org.lantian.platform.airquality.StationHoursComputed;
import org.lantian.platform.gateway.DeviceEvents;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.monitoring.Station;
import org.lantian.platform.monitoring.Stations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the rules: station-value rules on every committed real-time result, silence on a schedule, and the
 * gateway's device events as they come. What fires becomes a ticket (or merges into the open one).
 */
@Component
class Detection {

    private final org.lantian.platform.cluster.ClusterJobs jobs;

    private static final Logger log = LoggerFactory.getLogger(Detection.class);
    /** Only recent hours are pushed: a history import of last month must not raise today's tickets. */
    static final Duration LOOKBACK = Duration.ofHours(3);
    static final Duration SILENCE_NEWS = Duration.ofHours(24);

    private final Rules rules;
    private final Tickets tickets;
    private final AirQualityNow airQuality;
    private final Stations stations;
    private final Actors actors;
    private final Clock clock;

    private final org.lantian.platform.gateway.Devices devices;

    Detection(Rules rules, Tickets tickets, AirQualityNow airQuality, Stations stations, Actors actors, Clock clock,
              org.lantian.platform.gateway.Devices devices, org.lantian.platform.cluster.ClusterJobs jobs) {
        this.jobs = jobs;
        this.devices = devices;
        this.rules = rules;
        this.tickets = tickets;
        this.airQuality = airQuality;
        this.stations = stations;
        this.actors = actors;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StationHoursComputed computed) {
        actors.asSystem(() -> evaluate(computed.stationCodes(), computed.from(), computed.to()));
    }

    /** Tests every enabled station-values rule on the stations' hours from {@code from} to {@code to} that are recent. */
    void evaluate(Set<String> stationCodes, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant first = max(from, now.minus(LOOKBACK).truncatedTo(ChronoUnit.HOURS));
        Instant last = to.isAfter(now) ? now : to;
        List<Rule> active = rules.enabled(RuleKind.STATION_VALUES);
        if (first.isAfter(last) || active.isEmpty()) {
            return;
        }
        List<Station> handan = stations.list(AlertTimes.date(last)).stream().filter(s -> s.countyCode() != null).toList();
        Set<String> all = handan.stream().map(Station::code).collect(Collectors.toSet());
        Instant reach = first.minus(Duration.ofHours(reachBack(active) + 1)); // the window's start is exclusive
        HourSnapshot data = new HourSnapshot(handan, airQuality.stationHoursForRules(all, reach, last),
                airQuality.areaHoursForRules(reach, last));
        for (Instant hour = first.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(last); hour = hour.plus(Duration.ofHours(1))) {
            for (String code : stationCodes) {
                Optional<Station> station = data.station(code);
                if (station.isEmpty() || !data.hasHour(code, hour)) {
                    continue;
                }
                for (Rule rule : active) {
                    Instant h = hour;
                    RuleEvaluator.fires(rule, station.get(), hour, data).ifPresent(value -> raise(rule, station.get(), h, value));
                }
            }
        }
    }

    private void raise(Rule rule, Station station, Instant hour, BigDecimal value) {
        String measure = rule.definition().conditions().get(0).measure();
        String detail = station.name() + "（" + station.stationClass().label() + "）" + AlertTimes.hour(hour) + " "
                + Measures.label(measure) + " " + value.toPlainString() + Measures.unit(measure) + "；规则：" + rule.describe();
        tickets.raise(new Tickets.Raise(rule, "STATION", station.code(), station.name(), station.countyCode(), measure, value,
                station.lon(), station.lat(), hour, detail));
    }

    /** How many hours before the first tested hour the rules look at (sustained conditions, rises). */
    private static long reachBack(List<Rule> active) {
        long hours = 1;
        for (Rule rule : active) {
            int rise = rule.definition().conditions().stream().filter(c -> c.type() == Condition.Type.RISE)
                    .mapToInt(Condition::hours).max().orElse(0);
            hours = Math.max(hours, rule.definition().sustainHours() - 1 + rise);
        }
        return hours;
    }

    /** Stations without any result for the rule's hours: once per silence (the last hour heard names it). */
    @Scheduled(fixedDelayString = "${lantian.alerts.silence-check:5m}", initialDelayString = "${lantian.alerts.silence-check:5m}")
    public void checkSilence() {
        jobs.once("alerts.silence", () -> {
            actors.asSystem(() -> {
                List<Rule> active = rules.enabled(RuleKind.STATION_SILENT);
                if (active.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                // a silence is news for a day after its rule's hours (at most 72): older last hours need not be read
                Map<String, Instant> latest = airQuality.latestHourPerStation(now.minus(SILENCE_NEWS).minus(Duration.ofHours(72)));
                for (Station station : stations.list(AlertTimes.date(now))) {
                    Instant heard = latest.get(station.code());
                    if (station.countyCode() == null || heard == null) {
                        continue;
                    }
                    for (Rule rule : active) {
                        Instant silentFrom = heard.plus(Duration.ofHours(rule.definition().silentHours()));
                        // a silence older than a day is a station out of service (or the platform was down), not news
                        if (rule.definition().watches(station.stationClass()) && !silentFrom.isAfter(now)
                                && silentFrom.isAfter(now.minus(SILENCE_NEWS))) {
                            tickets.raise(new Tickets.Raise(rule, "STATION", station.code(), station.name(), station.countyCode(), null, null,
                                    station.lon(), station.lat(), heard, station.name() + " 自 " + AlertTimes.hour(heard)
                                    + " 后无数据（超过 " + rule.definition().silentHours() + " 小时）"));
                        }
                    }
                }
            });
        });
    }

    @ApplicationModuleListener
    void on(DeviceEvents.DeviceWentOffline offline) {
        device(RuleKind.DEVICE_OFFLINE, offline.mn(), offline.countyCode(), null, null, null,
                deviceName(offline.mn()) + " 最后报文 " + (offline.lastPacketAt() == null ? "—" : AlertTimes.minute(offline.lastPacketAt()))
                        + "，已离线");
    }

    @ApplicationModuleListener
    void on(DeviceEvents.EmissionExceeded exceeded) {
        device(RuleKind.EMISSION_EXCEEDED, exceeded.mn(), exceeded.countyCode(), exceeded.factor(), exceeded.value(), exceeded.hourStart(),
                deviceName(exceeded.mn()) + (exceeded.boundTo() == null ? "" : "（排口 " + exceeded.boundTo() + "）") + " "
                        + AlertTimes.hour(exceeded.hourStart()) + "起小时折算浓度 " + Measures.label(exceeded.factor()) + " "
                        + exceeded.value().toPlainString() + " mg/m³，限值 " + exceeded.limit().toPlainString() + " mg/m³");
    }

    @ApplicationModuleListener
    void on(DeviceEvents.SuspiciousData suspicious) {
        device(RuleKind.SUSPICIOUS_DATA, suspicious.mn(), suspicious.countyCode(), suspicious.factor(), null, suspicious.hourStart(),
                deviceName(suspicious.mn()) + " " + Measures.label(suspicious.factor()) + "：" + suspicious.suspicion().label() + "。"
                        + suspicious.detail());
    }

    /** A station's or area's results could not be recomputed: the city office must see to the data. */
    @ApplicationModuleListener
    void on(RecomputationFailures.RecomputationFailed failed) {
        String place = (failed.kind() == RecomputationFailures.Kind.STATION ? "站点 " : "区域 ") + failed.code();
        actors.asSystem(() -> {
            for (Rule rule : rules.enabled(RuleKind.RECOMPUTE_FAILED)) {
                tickets.raise(new Tickets.Raise(rule, "SYSTEM", failed.kind() + ":" + failed.code(), place, Divisions.CITY_CODE,
                        null, null, null, null, null, place + " " + AlertTimes.hour(failed.from()) + " 至 " + AlertTimes.hour(failed.to())
                                + " 的结果未能重算，其他站点照常更新。原因：" + failed.error()));
            }
        });
    }

    /** A whitelisted enterprise's re-check is due: its county must re-check it. */
    @ApplicationModuleListener
    void on(org.lantian.platform.enterprises.Whitelist.RecheckDue due) {
        actors.asSystem(() -> {
            for (Rule rule : rules.enabled(RuleKind.WHITELIST_RECHECK_DUE)) {
                tickets.raise(new Tickets.Raise(rule, "ENTERPRISE", due.creditCode(), due.enterpriseName(), due.countyCode(),
                        null, null, null, null, null, due.enterpriseName() + "（" + due.creditCode() + "）的监管白名单监督复核 "
                                + due.due() + " 到期，请复核并在白名单页记录结果。"));
            }
        });
    }

    private void device(RuleKind kind, String mn, String countyCode, String factor, BigDecimal value, Instant hour, String detail) {
        actors.asSystem(() -> {
            for (Rule rule : rules.enabled(kind)) {
                tickets.raise(new Tickets.Raise(rule, "DEVICE", mn, deviceName(mn), countyCode == null ? Divisions.CITY_CODE : countyCode, factor,
                        value, null, null, hour, detail));
            }
        });
        log.debug("{} from device {}", kind, mn);
    }

    /** A device as people know it: its registered name, with the MN for the operator. */
    private String deviceName(String mn) {
        try {
            return actors.asSystem(() -> devices.find(mn).name()) + "（" + mn + "）";
        } catch (org.lantian.platform.monitoring.NotFound gone) {
            return "设备 " + mn;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
