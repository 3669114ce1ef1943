package org.lantian.platform.airquality;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The county ranking page and its XLSX export. */
@Controller
class AirQualityPages {

    /** The orders the ranking page offers: absolute value or improvement, of the index or PM2.5. */
    enum View {
        INDEX("综合指数"), PM25("PM2.5 浓度"), INDEX_IMPROVEMENT("综合指数改善率"), PM25_IMPROVEMENT("PM2.5 改善率");

        private final String label;

        View(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Comparator<AirQualityPeriods.RankedCounty> order() {
            return Comparator.comparing(c -> {
                Integer rank = switch (this) {
                    case INDEX -> c.indexRank();
                    case PM25 -> c.pm25Rank();
                    case INDEX_IMPROVEMENT -> c.indexImprovementRank();
                    case PM25_IMPROVEMENT -> c.pm25ImprovementRank();
                };
                return rank == null || rank == 0 ? Integer.MAX_VALUE : rank;
            });
        }
    }

    private final AirQualityPeriods periods;
    private final org.lantian.platform.identity.Actors actors;
    private final org.lantian.platform.geo.Divisions divisions;
    private final AirQualityTargets targetService;
    private final Clock clock;

    AirQualityPages(AirQualityPeriods periods, org.lantian.platform.identity.Actors actors,
                    org.lantian.platform.geo.Divisions divisions, AirQualityTargets targetService, Clock clock) {
        this.periods = periods;
        this.actors = actors;
        this.divisions = divisions;
        this.targetService = targetService;
        this.clock = clock;
    }

    @GetMapping("/airquality/ranking")
    String ranking(@RequestParam(defaultValue = "THIS_MONTH") RankingPeriod period,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(defaultValue = "INDEX") View view, Model model) {
        LocalDate[] range = period.range(LocalDate.now(clock), from, to);
        List<AirQualityPeriods.RankedCounty> ranking = periods.countyRanking(range[0], range[1]).stream()
                .sorted(view.order()).toList();
        model.addAttribute("period", period);
        model.addAttribute("periods", RankingPeriod.values());
        model.addAttribute("views", View.values());
        model.addAttribute("view", view);
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        model.addAttribute("ranking", ranking);
        model.addAttribute("city", periods.area(org.lantian.platform.geo.Divisions.CITY_CODE, range[0], range[1]));
        return "airquality/ranking";
    }

    @GetMapping("/airquality/map")
    String map() {
        return "airquality/map";
    }

    @GetMapping("/airquality/calendar")
    String calendar(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year, Model model) {
        org.lantian.platform.identity.Scope scope = actors.current().scope();
        String chosen = area != null ? area
                : scope.citywide() ? org.lantian.platform.geo.Divisions.CITY_CODE : scope.countyCodes().iterator().next();
        model.addAttribute("area", chosen);
        model.addAttribute("year", year == null ? LocalDate.now(clock).getYear() : year);
        model.addAttribute("areas", divisions.all().stream().filter(d -> periods.maySee(d.code())).toList());
        return "airquality/calendar";
    }

    /** One row of the targets page: an area, its targets (null when unset) and its progress. */
    record TargetRow(org.lantian.platform.geo.Division area, AirQualityTargets.Targets targets, AirQualityTargets.Progress progress) {
    }

    @GetMapping("/airquality/targets")
    String targets(@RequestParam(required = false) Integer year, Model model) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        List<TargetRow> rows = divisions.all().stream()
                .filter(d -> periods.maySee(d.code()))
                .map(d -> new TargetRow(d, targetService.find(chosen, d.code()).orElse(null),
                        targetService.progress(chosen, d.code()).orElse(null)))
                .toList();
        model.addAttribute("year", chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("mayEdit", actors.current().isCityOffice());
        return "airquality/targets";
    }

    @org.springframework.web.bind.annotation.PostMapping("/airquality/targets")
    String setTarget(@RequestParam int year, @RequestParam String area,
                     @RequestParam(required = false) java.math.BigDecimal pm25,
                     @RequestParam(required = false) java.math.BigDecimal compositeIndex,
                     @RequestParam(required = false) java.math.BigDecimal goodDayRatio,
                     @RequestParam(required = false) Integer heavyDaysCap,
                     @RequestParam(required = false) String reason) {
        targetService.set(new AirQualityTargets.Targets(year, area, pm25, compositeIndex, goodDayRatio, heavyDaysCap), reason);
        return "redirect:/airquality/targets?year=" + year;
    }

    @GetMapping("/airquality/ranking.xlsx")
    ResponseEntity<byte[]> rankingWorkbook(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] xlsx = RankingWorkbook.write(periods.countyRanking(from, to), from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("县区空气质量排名_" + from + "_" + to + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
