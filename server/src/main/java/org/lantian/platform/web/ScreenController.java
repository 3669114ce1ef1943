package org.lantian.platform.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.airquality.AirQualityTargets;
import org.lantian.platform.airquality.KeyCities;
import org.lantian.platform.airquality.KeyCityRanking;
import org.lantian.platform.alerts.Ticket;
import org.lantian.platform.alerts.TicketState;
import org.lantian.platform.alerts.Tickets;
import org.lantian.platform.emergency.Warnings;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The command-centre screen (指挥大屏): one page for the wall, and one answer with everything it shows, so the
 * wall draws in one request and redraws in one when the event stream says something changed.
 */
@Controller
class ScreenController {

    /** The city now and today, the counties now, the hot stations. */
    record Now(Instant hourEnd, AirQualityNow.HourAqi city, AirQualityNow.DaySoFar today, List<AirQualityNow.HourAqi> counties) {
    }

    /** The year so far against its targets and the 168-city line. */
    record Year(int year, LocalDate to, BigDecimal pm25, BigDecimal pm25Target, BigDecimal compositeIndex, BigDecimal indexTarget,
                int goodDays, BigDecimal goodDayRatio, BigDecimal goodDayRatioTarget, int heavyDays, Integer heavyDaysCap, Integer keyCityRank,
                Integer keyCities, BigDecimal indexToLeaveBottom, Boolean inBottom) {
    }

    /** An open push with the deadline it is running against now. */
    record OpenPush(long id, String title, String county, Instant pushedAt, String stage, Instant due, boolean overdue) {
    }

    /** A county's place this year. */
    record Place(String name, BigDecimal compositeIndex, int rank, BigDecimal pm25) {
    }

    /** One hour of the city's AQI. */
    record Hour(Instant hourEnd, Integer aqi) {
    }

    record Screen(Instant at, Now now, Year year, List<OpenPush> pushes, int openPushes, int overduePushes, List<WarningLine> warnings,
                  List<Hour> last72Hours, List<Place> ranking, List<NeighbourStation> neighbours, List<String> neighbourWarnings) {
    }

    /** A neighbouring city's national station with its real-time AQI (null when it sent nothing lately). */
    record NeighbourStation(String city, String name, BigDecimal lon, BigDecimal lat, Integer aqi) {
    }

    record WarningLine(String level, String label, String area, Instant startsAt, Instant endsAt) {
    }

    static final int PUSHES_SHOWN = 12;

    private final AirQualityNow now;
    private final AirQualityPeriods periods;
    private final AirQualityTargets targets;
    private final KeyCityRanking keyCities;
    private final Tickets tickets;
    private final Warnings warnings;
    private final Divisions divisions;
    private final Names names;
    private final Actors actors;
    private final Clock clock;
    private final org.lantian.platform.neighbours.NeighbourAir neighbourAir;
    private final org.lantian.platform.neighbours.Exchange exchange;

    ScreenController(AirQualityNow now, AirQualityPeriods periods, AirQualityTargets targets, KeyCityRanking keyCities, Tickets tickets,
                     Warnings warnings, Divisions divisions, Names names, Actors actors, Clock clock,
                     org.lantian.platform.neighbours.NeighbourAir neighbourAir, org.lantian.platform.neighbours.Exchange exchange) {
        this.neighbourAir = neighbourAir;
        this.exchange = exchange;
        this.now = now;
        this.periods = periods;
        this.targets = targets;
        this.keyCities = keyCities;
        this.tickets = tickets;
        this.warnings = warnings;
        this.divisions = divisions;
        this.names = names;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/screen")
    String page() {
        requireWall();
        return "web/screen";
    }

    @GetMapping("/api/screen")
    @ResponseBody
    @Operation(summary = "Everything the command-centre screen shows, in one answer: city and counties now, the year against its targets, open pushes with their clocks, warnings, the last 72 hours, the county ranking")
    Screen screen() {
        requireWall();
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, BeijingTime.ZONE);
        LocalDate yesterday = today.minusDays(1);
        int year = yesterday.getYear();
        LocalDate first = LocalDate.of(year, 1, 1);
        Now current = now.now().map(n -> new Now(n.hourEnd(), n.city(), n.citySoFar(), n.counties())).orElse(null);
        AirQualityPeriods.Figures ytd = periods.area(Divisions.CITY_CODE, first, yesterday);
        var progress = targets.progress(year, Divisions.CITY_CODE).orElse(null);
        var ranked = keyCities.rank(KeyCities.KEY_CITIES_168, first, yesterday);
        int heavy = ytd.sandDust() != null ? ytd.sandDust().heavyDays() : ytd.heavyDays();
        Year y = new Year(year, yesterday, ytd.concentrations().get(org.lantian.standards.Pollutant.PM2_5),
                progress == null ? null : progress.targets().pm25(), ytd.compositeIndex(), progress == null ? null : progress.targets().compositeIndex(),
                ytd.goodDays(), ytd.goodDayRatio(), progress == null ? null : progress.targets().goodDayRatio(), heavy,
                progress == null ? null : progress.targets().heavyDaysCap(), ranked.handan() == null ? null : ranked.handan().rank(),
                ranked.ranked().size(), ranked.bottomLine() == null ? null : ranked.bottomLine().indexToFall(),
                ranked.bottomLine() == null ? null : ranked.bottomLine().inBottom());
        List<Ticket> open = tickets.list(new Tickets.Filter(null, null, null, null, null, null, true), 1000);
        List<OpenPush> pushes = open.stream().map(t -> push(t, at))
                .sorted(java.util.Comparator.comparing(OpenPush::overdue).reversed().thenComparing(OpenPush::due, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder())))
                .toList();
        List<WarningLine> inForce = warnings.inForceNow().stream().map(w -> new WarningLine(w.level().name(), w.level().label(),
                w.citywide() ? "全市" : names.divisions(w.counties()), w.startsAt(), w.endedAt())).toList();
        List<Hour> hours = now.areaHoursForRules(at.minus(Duration.ofHours(72)), at).stream()
                .filter(h -> Divisions.CITY_CODE.equals(h.code())).map(h -> new Hour(h.hourEnd(), h.aqi())).toList();
        List<Place> ranking = periods.countyRanking(first, yesterday).stream()
                .map(r -> new Place(r.figures().name(), r.figures().compositeIndex(), r.indexRank(), r.figures().concentrations().get(
                        org.lantian.standards.Pollutant.PM2_5)))
                .sorted(java.util.Comparator.comparingInt(Place::rank)).toList();
        return new Screen(at, current, y, pushes.stream().limit(PUSHES_SHOWN).toList(), pushes.size(), (int) pushes.stream().filter(OpenPush::overdue).count(),
                inForce, hours, ranking, neighbourStations(), exchange.neighbourWarningsInForce().stream().map(d -> d.summary()).toList());
    }

    private List<NeighbourStation> neighbourStations() {
        return neighbourAir.now().stream().flatMap(c -> c.stations().stream().map(s -> new NeighbourStation(c.name(), s.name(), s.lon(), s.lat(),
                s.now() == null ? null : s.now().aqi()))).toList();
    }

    private OpenPush push(Ticket t, Instant at) {
        boolean awaitingReceipt = t.state() == TicketState.PUSHED;
        Instant due = awaitingReceipt ? t.receiptDue() : t.reworkDue() != null ? t.reworkDue() : t.disposalDue();
        String county = t.countyCode() == null ? (t.department() == null ? "—" : t.department())
                : divisions.find(t.countyCode()).map(d -> d.shortName()).orElse(t.countyCode());
        return new OpenPush(t.id(), t.title(), county, t.pushedAt(), t.state().label(), due, due != null && due.isBefore(at));
    }

    /** The wall is the city's: the city office, departments and viewers (a county has its own inbox). */
    private void requireWall() {
        var role = actors.current().role();
        if (role == org.lantian.platform.identity.Role.COUNTY || role == org.lantian.platform.identity.Role.ENTERPRISE) {
            throw new AccessDenied(actors.current().username() + " 无权查看指挥大屏");
        }
    }
}
