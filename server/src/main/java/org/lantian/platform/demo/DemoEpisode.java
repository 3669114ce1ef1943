package org.lantian.platform.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantian.platform.emergency.Compliance;
import org.lantian.platform.emergency.ForecastPeriod;
import org.lantian.platform.emergency.Forecasts;
import org.lantian.platform.emergency.Measures;
import org.lantian.platform.emergency.Notices;
import org.lantian.platform.emergency.WarningLevel;
import org.lantian.platform.emergency.Warnings;
import org.lantian.platform.enterprises.Facilities;
import org.lantian.standards.BeijingTime;

/**
 * A past heavy-pollution episode for the demo: the forecast issued the afternoon before, an orange warning
 * over the city for two days (recorded afterwards, with the receipts of the plants told), the thermal plant's
 * stack monitor before and during it, and during it a stopped line drawing power, a treatment facility off
 * while its line ran, and a China IV truck at a gate, each raised as a ticket to 武安.
 */
@org.springframework.stereotype.Component
class DemoEpisode {

    private final Forecasts forecasts;
    private final Warnings warnings;
    private final Measures measures;
    private final Notices notices;
    private final Facilities facilities;
    private final Compliance compliance;
    private final org.lantian.platform.gateway.GatewayServer gateway;
    private final Clock clock;

    DemoEpisode(Forecasts forecasts, Warnings warnings, Measures measures, Notices notices, Facilities facilities, Compliance compliance,
                org.lantian.platform.gateway.GatewayServer gateway, Clock clock) {
        this.forecasts = forecasts;
        this.warnings = warnings;
        this.measures = measures;
        this.notices = notices;
        this.facilities = facilities;
        this.compliance = compliance;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Loads the episode nine days ago; returns the tickets its breaches raised. */
    int load() {
        LocalDate first = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(9);
        Instant issued = first.minusDays(1).atTime(16, 0).atZone(BeijingTime.ZONE).toInstant();
        int[][] aqi = {{180, 230}, {220, 270}, {150, 190}};
        List<ForecastPeriod> periods = new ArrayList<>();
        for (int d = 0; d < aqi.length; d++) {
            periods.add(new ForecastPeriod(at(first.plusDays(d), 0), at(first.plusDays(d + 1), 0), aqi[d][0], aqi[d][1], "PM2.5"));
        }
        forecasts.record(issued, periods, "演示：邯郸市环境监控中心（模拟预报）");
        var warning = warnings.recordPast(WarningLevel.ORANGE, List.of(), at(first, 0), at(first.plusDays(2), 0),
                "演示：市大气办会商，预计连续 2 天 AQI > 200（模拟）");
        notices.recordArchived(warning, receipts(at(first.minusDays(1), 17)));
        sendStack(first);

        List<Measures.Measure> stopping = measures.list(WarningLevel.ORANGE, "130481", 0, 200).stream()
                .filter(m -> m.kind().name().equals("STOP") && m.truckBanStage() == 4).limit(2).toList();
        if (stopping.size() < 2) {
            return 0;
        }
        var plant = facilities.meteredLinesOf(stopping.get(0).creditCode());
        var other = facilities.meteredLinesOf(stopping.get(1).creditCode());
        String stoppedLine = plant.stream().filter(l -> l.kind() == Facilities.LineKind.PRODUCTION).findFirst().orElseThrow().meterPoint();
        var otherTreatment = other.stream().filter(l -> l.kind() == Facilities.LineKind.TREATMENT && l.serves() != null).findFirst().orElseThrow();
        String otherProduction = other.stream().filter(l -> l.lineName().equals(otherTreatment.serves())).findFirst().orElseThrow().meterPoint();
        int tickets = compliance.readings(List.of(
                new Compliance.Reading(stoppedLine, at(first, 10), new BigDecimal("0.5")),
                new Compliance.Reading(stoppedLine, at(first, 11), new BigDecimal("312.4")),
                new Compliance.Reading(otherProduction, at(first, 14), new BigDecimal("280.0")),
                new Compliance.Reading(otherTreatment.meterPoint(), at(first, 14), new BigDecimal("0.2")))).tickets().size();
        tickets += compliance.gateRecords(List.of(
                new Compliance.GateRecord(stopping.get(0).creditCode(), "冀D8A123", 4, "IN", at(first, 9).plusSeconds(1800)),
                new Compliance.GateRecord(stopping.get(0).creditCode(), "冀D6F666", 6, "IN", at(first, 9).plusSeconds(2400)))).tickets().size();
        return tickets;
    }

    /**
     * Every plant on the orange list told the evening before; most confirmed within the hour and a half, some
     * late, a few never (chosen by the plant's code, so a reload gives the same receipts).
     */
    private List<Notices.ArchivedReceipt> receipts(Instant sent) {
        List<Notices.ArchivedReceipt> receipts = new ArrayList<>();
        List<Measures.Measure> page;
        int offset = 0;
        do {
            page = measures.list(WarningLevel.ORANGE, null, offset, 500);
            for (Measures.Measure m : page) {
                int draw = Math.floorMod(m.creditCode().hashCode(), 100);
                Instant confirmed = draw < 85 ? sent.plusSeconds(300 + 60L * draw) : draw < 93 ? sent.plusSeconds(3600L * (3 + draw % 4)) : null;
                receipts.add(new Notices.ArchivedReceipt(m.creditCode(), sent, confirmed, confirmed == null ? null : "电话确认（演示）"));
            }
            offset += page.size();
        } while (page.size() == 500);
        return receipts;
    }

    /**
     * The thermal plant's stack monitor over the three days before the warning as usual, then during it at
     * three fifths, except two morning hours of the second day at the usual level.
     */
    private void sendStack(LocalDate first) {
        java.time.LocalDateTime start = first.atStartOfDay();
        try {
            DemoDevices.sendStack(gateway, start.minusDays(3), start.plusDays(2).minusHours(1), hour -> hour.isBefore(start) ? 1
                    : hour.equals(start.plusHours(32)) || hour.equals(start.plusHours(33)) ? 1 : 0.6);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("demo stack monitor could not reach the gateway", e);
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BeijingTime.ZONE).toInstant();
    }
}
