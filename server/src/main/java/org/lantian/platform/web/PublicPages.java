package org.lantian.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.airquality.AirQualityTargets;
import org.lantian.platform.emergency.ForecastPeriod;
import org.lantian.platform.emergency.Forecasts;
import org.lantian.platform.emergency.Warnings;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.RuleSet;
import org.lantian.standards.aqi.AqiLevel;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public page (公众服务, no sign-in, phone first): the air now by county and station with the health advice of
 * its level, the forecast, warnings in force, the year's progress. What it shows is public already; it is built
 * once a minute and served from memory, so a crowd of phones costs the database nothing.
 */
@Controller
class PublicPages {

    /** A place now: its AQI, category, colour and the health advice of its level. */
    record Place(String name, Integer aqi, String category, String colour, String textColour, String primary) {
    }

    record Advice(String effect, String advice) {
    }

    record Day(LocalDate day, int aqiLow, int aqiHigh, String primary, String category) {
    }

    record Alert(String label, String area, Instant startsAt, Instant endsAt) {
    }

    record Year(int year, java.math.BigDecimal pm25, java.math.BigDecimal pm25Target, int goodDays, int validDays, int heavyDays) {
    }

    /** Everything the public page shows, as of {@code builtAt}. */
    record Snapshot(Instant builtAt, Instant hourEnd, Place city, Advice advice, List<Place> counties, List<Place> stations, List<Day> forecast,
                    List<Alert> warnings, Year year) {
    }

    static final Duration FRESH_FOR = Duration.ofSeconds(60);

    /** A snapshot and the page made of it, rendered once for every request until the next. */
    private record Rendered(Snapshot snapshot, String html) {
    }

    private final AirQualityNow now;
    private final AirQualityPeriods periods;
    private final AirQualityTargets targets;
    private final Forecasts forecasts;
    private final Warnings warnings;
    private final Names names;
    private final Actors actors;
    private final Clock clock;
    private final org.thymeleaf.ITemplateEngine templates;
    private final org.springframework.context.ApplicationContext context;
    private volatile Rendered rendered;

    PublicPages(AirQualityNow now, AirQualityPeriods periods, AirQualityTargets targets, Forecasts forecasts, Warnings warnings, Names names,
                Actors actors, Clock clock, org.thymeleaf.ITemplateEngine templates, org.springframework.context.ApplicationContext context) {
        this.templates = templates;
        this.context = context;
        this.now = now;
        this.periods = periods;
        this.targets = targets;
        this.forecasts = forecasts;
        this.warnings = warnings;
        this.names = names;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping(value = "/public", produces = "text/html;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> page(jakarta.servlet.http.HttpServletResponse response) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(FRESH_FOR).cachePublic()).body(current(response::encodeURL).html());
    }

    @GetMapping("/api/public/now")
    @ResponseBody
    ResponseEntity<Snapshot> data() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(FRESH_FOR).cachePublic())
                .body(current(path -> path).snapshot());
    }

    /** The snapshot and its page, rebuilt by one request at most once a minute while the others are served the one before. */
    private Rendered current(java.util.function.UnaryOperator<String> addresses) {
        Rendered r = rendered;
        if (r == null || r.snapshot().builtAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            synchronized (this) {
                if (rendered == null || rendered.snapshot().builtAt().plus(FRESH_FOR).isBefore(clock.instant())) {
                    Snapshot s = actors.asSystem(this::build);
                    rendered = new Rendered(s, render(s, addresses));
                }
                r = rendered;
            }
        }
        return r;
    }

    /**
     * The page of a snapshot, rendered once outside the MVC view: the template gets the snapshot, the beans, and
     * its static files' content-hashed addresses (the response's URL encoding gives them).
     */
    private String render(Snapshot s, java.util.function.UnaryOperator<String> addresses) {
        org.thymeleaf.context.Context page = new org.thymeleaf.context.Context(java.util.Locale.SIMPLIFIED_CHINESE);
        page.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(context, null));
        page.setVariable("s", s);
        page.setVariable("css", addresses.apply("/static/css/public.css"));
        page.setVariable("icon", addresses.apply("/static/favicon.svg"));
        page.setVariable("reportScript", addresses.apply("/static/js/public-report.js"));
        return templates.process("web/public", page);
    }

    private Snapshot build() {
        Instant at = clock.instant();
        var current = now.now().orElse(null);
        Place city = current == null ? null : place(current.city());
        Advice advice = current == null || current.city().aqi() == null ? null : advice(current.city());
        List<Place> counties = current == null ? List.of() : current.counties().stream().map(PublicPages::place).toList();
        List<Place> stations = now.stationsOnMap().stream()
                .map(st -> new Place(st.name(), st.aqi(), st.category(), st.colour(), AirQualityNow.textOn(st.aqi()), null)).toList();
        LocalDate today = LocalDate.ofInstant(at, BeijingTime.ZONE);
        List<Day> forecast = forecasts.latest().map(issue -> issue.periods().stream()
                .filter(p -> !LocalDate.ofInstant(p.start(), BeijingTime.ZONE).isBefore(today)).map(PublicPages::day).toList()).orElse(List.of());
        List<Alert> alerts = warnings.inForceNow().stream()
                .map(w -> new Alert(w.level().label(), w.citywide() ? "全市" : names.divisions(w.counties()), w.startsAt(), w.endedAt())).toList();
        LocalDate yesterday = today.minusDays(1);
        var ytd = periods.area(Divisions.CITY_CODE, LocalDate.of(yesterday.getYear(), 1, 1), yesterday);
        var target = targets.progress(yesterday.getYear(), Divisions.CITY_CODE).map(p -> p.targets().pm25()).orElse(null);
        Year year = new Year(yesterday.getYear(), ytd.concentrations().get(org.lantian.standards.Pollutant.PM2_5), target, ytd.goodDays(), ytd.validDays(),
                ytd.sandDust() != null ? ytd.sandDust().heavyDays() : ytd.heavyDays());
        return new Snapshot(at, current == null ? null : current.hourEnd(), city, advice, counties, stations, forecast, alerts, year);
    }

    private static Place place(AirQualityNow.HourAqi h) {
        return new Place(h.name(), h.aqi(), h.category(), h.colour(), h.textColour(), h.primaryText());
    }

    private static Advice advice(AirQualityNow.HourAqi h) {
        AqiLevel level = AqiLevel.of(h.aqi());
        RuleSet rules = RuleSet.valueOf(h.ruleSet());
        return new Advice(level.healthEffect(rules), level.advice(rules));
    }

    private static Day day(ForecastPeriod p) {
        return new Day(LocalDate.ofInstant(p.start(), BeijingTime.ZONE), p.aqiLow(), p.aqiHigh(), p.primaryPollutant(),
                AqiLevel.of(p.aqiLow()).category() + (AqiLevel.of(p.aqiLow()) == AqiLevel.of(p.aqiHigh()) ? "" : "至" + AqiLevel.of(p.aqiHigh()).category()));
    }
}
