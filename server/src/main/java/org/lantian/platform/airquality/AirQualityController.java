package org.lantian.platform.airquality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/airquality")
@Tag(name = "空气质量", description = "Real-time AQI of the city, counties and stations (HJ 633), kept current as data arrive")
class AirQualityController {

    private final AirQualityNow now;
    private final AirQualityPeriods periods;
    private final AirQualityTargets targets;
    private final PublishedAgreement agreement;
    private final ReviewedMonths reviews;

    AirQualityController(AirQualityNow now, AirQualityPeriods periods, AirQualityTargets targets, PublishedAgreement agreement,
                         ReviewedMonths reviews) {
        this.now = now;
        this.periods = periods;
        this.targets = targets;
        this.agreement = agreement;
        this.reviews = reviews;
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/reviewed-months/{month}",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a month's reviewed (audited) data (city office): Lantian CSV (format=csv) or a national-network "
            + "file (format=china_sites); values enter as revisions, and when no row is rejected the month is marked reviewed")
    ReviewedMonths.Outcome importReviewed(@org.springframework.web.bind.annotation.PathVariable java.time.YearMonth month,
                                         @org.springframework.web.bind.annotation.RequestPart org.springframework.web.multipart.MultipartFile file,
                                         @org.springframework.web.bind.annotation.RequestParam(defaultValue = "csv") String format,
                                         @org.springframework.web.bind.annotation.RequestParam(required = false) String reason)
            throws java.io.IOException {
        try (java.io.Reader reader = Uploads.reader(file)) {
            return reviews.importReviewedFile(month, format, file.getOriginalFilename(), reader, reason);
        }
    }

    @GetMapping("/reviewed-months")
    @Operation(summary = "The months whose reviewed data have been imported, latest first")
    java.util.List<ReviewedMonths.Review> reviewedMonths() {
        return reviews.list();
    }

    @GetMapping("/areas/{code}/review")
    @Operation(summary = "An area's month as first computed from real-time data and as it stands after the review")
    ReviewedMonths.Comparison review(@org.springframework.web.bind.annotation.PathVariable String code,
                                     @org.springframework.web.bind.annotation.RequestParam java.time.YearMonth month) {
        return reviews.compare(code, month);
    }

    record SandDustRequest(java.util.List<java.time.LocalDate> days, String reason) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/areas/{code}/sand-dust-days")
    @Operation(summary = "Import officially flagged sand-and-dust days of an area (city office); returns how many were new")
    int importSandDust(@org.springframework.web.bind.annotation.PathVariable String code,
                       @org.springframework.web.bind.annotation.RequestBody SandDustRequest request) {
        return periods.importSandDustDays(code, request.days() == null ? java.util.List.of() : request.days(), request.reason());
    }

    @GetMapping("/stations/{code}/agreement")
    @Operation(summary = "How often Lantian's real-time AQI and 24-hour moving means equal the national network's "
            + "published AQI and X_24h columns (imported china_sites files), for hours from <= end <= to; mismatches are "
            + "classified (INPUTS_MISSING: the public file lacks hours the published figure used; DIFFERENT) and paged")
    PublishedAgreement.Report agreement(@org.springframework.web.bind.annotation.PathVariable String code,
                                        @org.springframework.web.bind.annotation.RequestParam java.time.Instant from,
                                        @org.springframework.web.bind.annotation.RequestParam java.time.Instant to,
                                        @org.springframework.web.bind.annotation.RequestParam(required = false) String published,
                                        @org.springframework.web.bind.annotation.RequestParam(required = false) PublishedAgreement.MismatchKind kind,
                                        @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int offset,
                                        @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        return agreement.compare(code, from, to, new PublishedAgreement.Filter(published, kind, offset, limit));
    }

    record TargetRequest(java.math.BigDecimal pm25, java.math.BigDecimal compositeIndex, java.math.BigDecimal goodDayRatio,
                         Integer heavyDaysCap, String reason) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/targets/{year}/{area}")
    @Operation(summary = "Set an area's annual targets (city office); replaces earlier ones, audited")
    AirQualityTargets.Targets setTargets(@org.springframework.web.bind.annotation.PathVariable int year,
                                         @org.springframework.web.bind.annotation.PathVariable String area,
                                         @org.springframework.web.bind.annotation.RequestBody TargetRequest request) {
        return targets.set(new AirQualityTargets.Targets(year, area, request.pm25(), request.compositeIndex(),
                request.goodDayRatio(), request.heavyDaysCap()), request.reason());
    }

    @GetMapping("/targets/{year}/{area}")
    @Operation(summary = "An area's progress against its targets: year to date, what the rest of the year may average, "
            + "today's PM2.5 control value, good days needed, heavy days left; 204 without targets")
    ResponseEntity<AirQualityTargets.Progress> progress(@org.springframework.web.bind.annotation.PathVariable int year,
                                                        @org.springframework.web.bind.annotation.PathVariable String area) {
        return targets.progress(year, area).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/areas/{code}/period")
    @Operation(summary = "Figures of the city (130400) or a county for from–to inclusive: six concentrations, composite "
            + "index, good and heavy days, primary-pollutant days, change against the same period last year")
    AirQualityPeriods.Figures period(@org.springframework.web.bind.annotation.PathVariable String code,
                                     @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
                                     @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to) {
        return periods.area(code, from, to);
    }

    @GetMapping("/areas/{code}/days")
    @Operation(summary = "Daily AQI of the city (130400) or a county, from–to inclusive")
    java.util.List<AirQualityPeriods.DayAqi> days(@org.springframework.web.bind.annotation.PathVariable String code,
                                                 @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
                                                 @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to) {
        return periods.dailyAqi(code, from, to);
    }

    @GetMapping("/rankings/counties")
    @Operation(summary = "The 20 county-level units ranked by composite index and PM2.5, absolute and by improvement")
    java.util.List<AirQualityPeriods.RankedCounty> countyRanking(@org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
                                                               @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to) {
        return periods.countyRanking(from, to);
    }

    @GetMapping("/stations/{code}/hours")
    @Operation(summary = "A station's real-time AQI by hour, from < hour end <= to (default: the last 7 days)")
    java.util.List<AirQualityNow.HourAqi> stationHours(@org.springframework.web.bind.annotation.PathVariable String code,
                                                       @org.springframework.web.bind.annotation.RequestParam(required = false) java.time.Instant from,
                                                       @org.springframework.web.bind.annotation.RequestParam(required = false) java.time.Instant to) {
        HourRange range = HourRange.of(from, to, java.time.Duration.ofDays(7));
        return now.stationHours(code, range.from(), range.to());
    }

    @GetMapping("/areas/{code}/hours")
    @Operation(summary = "The real-time AQI and concentrations of the city (130400) or a county by hour, from < hour end <= to "
            + "(default: the last 72 hours; at most 400 days)")
    java.util.List<AirQualityNow.HourAqi> areaHours(@org.springframework.web.bind.annotation.PathVariable String code,
                                                    @org.springframework.web.bind.annotation.RequestParam(required = false) java.time.Instant from,
                                                    @org.springframework.web.bind.annotation.RequestParam(required = false) java.time.Instant to) {
        periods.visibleArea(code);
        HourRange range = HourRange.of(from, to, java.time.Duration.ofHours(72));
        return now.areaHours(code, range.from(), range.to());
    }

    @GetMapping("/areas/{code}/months")
    @Operation(summary = "Each month of a year up to yesterday against the same days a year earlier: PM2.5 and composite index")
    java.util.List<AirQualityPeriods.MonthAgainstLastYear> months(@org.springframework.web.bind.annotation.PathVariable String code,
                                                                 @org.springframework.web.bind.annotation.RequestParam int year) {
        return periods.monthsAgainstLastYear(code, year);
    }

    @GetMapping("/stations/now")
    @Operation(summary = "Visible stations with their position and the real-time AQI of the latest hour, for the map")
    java.util.List<AirQualityNow.StationOnMap> stationsNow() {
        return now.stationsOnMap();
    }

    @GetMapping("/now")
    @Operation(summary = "The latest hour: city and county real-time AQI, the city's day so far, the worst stations "
            + "(a county user sees the city, its own county and its own stations); 204 before any data")
    ResponseEntity<AirQualityNow.Now> now() {
        return now.now().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
