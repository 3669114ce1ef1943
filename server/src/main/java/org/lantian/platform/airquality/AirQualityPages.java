package org.lantian.platform.airquality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.lantian.platform.forms.FormInput;
import org.springframework.format.annotation.DateTimeFormat;
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

    /**
     * One row of the targets page: an area, its targets (null when unset), its figures of the year so far
     * (shown before any target is set) and its progress against the targets (null without targets).
     */
    record TargetRow(org.lantian.platform.geo.Division area, AirQualityTargets.Targets targets,
                     AirQualityPeriods.Figures yearToDate, AirQualityTargets.Progress progress) {
    }

    @GetMapping("/airquality/targets")
    String targets(@RequestParam(required = false) Integer year, @RequestParam(required = false) String edit,
                   @RequestParam(required = false) String saved, Model model) {
        int chosen = year == null ? LocalDate.now(clock).getYear() : year;
        FormInput form = FormInput.empty();
        String area = edit != null ? edit : saved;
        if (area != null && periods.maySee(area)) {
            targetService.find(chosen, area).ifPresentOrElse(t -> form.fill(Map.of("area", area,
                    "pm25", text(t.pm25()), "compositeIndex", text(t.compositeIndex()), "goodDayRatio", text(t.goodDayRatio()),
                    "heavyDaysCap", t.heavyDaysCap() == null ? "" : t.heavyDaysCap().toString())), () -> form.fill(Map.of("area", area)));
        }
        return targetsPage(chosen, form, saved, model);
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private String targetsPage(int year, FormInput form, String saved, Model model) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate last = yesterday.isBefore(first.plusYears(1)) ? yesterday : first.plusYears(1).minusDays(1);
        List<TargetRow> rows = divisions.all().stream()
                .filter(d -> periods.maySee(d.code()))
                .map(d -> new TargetRow(d, targetService.find(year, d.code()).orElse(null),
                        last.isBefore(first) ? null : periods.area(d.code(), first, last),
                        targetService.progress(year, d.code()).orElse(null)))
                .toList();
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("saved", saved == null ? null : divisions.find(saved).map(d -> d.shortName()).orElse(null));
        model.addAttribute("mayEdit", actors.current().isCityOffice());
        return "airquality/targets";
    }

    /** Saves one area's targets; a value that cannot be read shows the form again, as typed, with the message beside it. */
    @org.springframework.web.bind.annotation.PostMapping("/airquality/targets")
    String setTarget(@RequestParam Map<String, String> typed, jakarta.servlet.http.HttpServletResponse response, Model model) {
        FormInput form = new FormInput(typed);
        Integer year = form.integer("year", "年份", 2013, 2100);
        String area = form.text("area");
        if (area == null) {
            form.reject("area", "请选择区域");
        }
        java.math.BigDecimal pm25 = form.decimal("pm25", "PM2.5 目标", new java.math.BigDecimal("1"), new java.math.BigDecimal("500"), "45");
        java.math.BigDecimal index = form.decimal("compositeIndex", "综合指数目标", new java.math.BigDecimal("0.01"), new java.math.BigDecimal("30"), "5.50");
        java.math.BigDecimal good = form.decimal("goodDayRatio", "优良天数比例目标", java.math.BigDecimal.ZERO, new java.math.BigDecimal("100"), "65.0");
        Integer heavy = form.integer("heavyDaysCap", "重污染天数上限", 0, 366);
        if (!form.hasErrors()) {
            try {
                targetService.set(new AirQualityTargets.Targets(year, area, pm25, index, good, heavy), form.text("reason"));
                return "redirect:/airquality/targets?year=" + year + "&saved=" + area;
            } catch (IllegalArgumentException e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        return targetsPage(year == null ? LocalDate.now(clock).getYear() : year, form, null, model);
    }

    @GetMapping("/airquality/ranking.xlsx")
    ResponseEntity<byte[]> rankingWorkbook(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] xlsx = RankingWorkbook.write(periods.countyRanking(from, to), from, to);
        return org.lantian.platform.files.Downloads.workbook("县区空气质量排名_" + from + "_" + to + ".xlsx", xlsx);
    }
}
