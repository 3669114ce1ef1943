package org.lantian.platform.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.forms.FormInput;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The emergency page: the latest forecast and what it proposes, the warnings in force and their steps, and the city office's forms. */
@Controller
class EmergencyPages {

    /** Forecast days the page's form offers. */
    static final int FORM_DAYS = 5;

    private final Forecasts forecasts;
    private final ForecastSheet sheet;
    private final Warnings warnings;
    private final WarningRules rules;
    private final Divisions divisions;
    private final Actors actors;
    private final java.time.Clock clock;

    private final Measures measures;
    private Notices notices;

    @org.springframework.beans.factory.annotation.Autowired
    void notices(Notices notices) {
        this.notices = notices;
    }

    private final org.lantian.platform.enterprises.Enterprises enterprises;
    private final org.lantian.platform.enterprises.Facilities facilities;

    EmergencyPages(Forecasts forecasts, ForecastSheet sheet, Warnings warnings, WarningRules rules, Divisions divisions, Actors actors,
                   java.time.Clock clock, Measures measures, org.lantian.platform.enterprises.Enterprises enterprises,
                   org.lantian.platform.enterprises.Facilities facilities) {
        this.measures = measures;
        this.enterprises = enterprises;
        this.facilities = facilities;
        this.forecasts = forecasts;
        this.sheet = sheet;
        this.warnings = warnings;
        this.rules = rules;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/emergency")
    String page(@RequestParam(required = false) WarningLevel level, Model model) {
        model.addAttribute("reductionLevel", level);
        return page(model);
    }

    private String page(Model model) {
        boolean office = actors.current().isCityOffice();
        Warnings.Proposal proposal = warnings.propose();
        WarningLevel proposed = proposal.level();
        WarningLevel shown = model.getAttribute("reductionLevel") instanceof WarningLevel l ? l : proposed != null ? proposed : WarningLevel.YELLOW;
        model.addAttribute("reductionLevel", shown);
        model.addAttribute("reductions", actors.current().enterpriseCode() == null ? measures.reductions(shown) : List.of());
        model.addAttribute("ownMeasures", actors.current().enterpriseCode() == null ? List.of() : measures.of(actors.current().enterpriseCode()));
        model.addAttribute("myNotices", notices.mine());
        Map<Long, List<Notices.Receipts>> receipts = new LinkedHashMap<>();
        if (actors.current().enterpriseCode() == null) {
            warnings.inForceNow().forEach(w -> receipts.put(w.id(), notices.receipts(w.id())));
        }
        model.addAttribute("receipts", receipts);
        model.addAttribute("proposal", proposal);
        model.addAttribute("latest", forecasts.latest().orElse(null));
        model.addAttribute("inForce", warnings.inForceNow());
        List<Warning> recent = warnings.recent(60);
        model.addAttribute("recent", recent);
        Map<Long, List<Warnings.Event>> steps = new LinkedHashMap<>();
        recent.forEach(w -> steps.put(w.id(), warnings.events(w.id())));
        model.addAttribute("steps", steps);
        model.addAttribute("versions", rules.versions());
        model.addAttribute("levels", WarningLevel.values());
        model.addAttribute("units", divisions.countyLevelUnits());
        model.addAttribute("mayIssue", office);
        LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < FORM_DAYS; i++) {
            days.add(today.plusDays(i));
        }
        model.addAttribute("formDays", days);
        if (!model.containsAttribute("issueForm")) {
            FormInput form = FormInput.empty();
            String start = today.atStartOfDay().plusHours(java.time.LocalTime.now(clock.withZone(BeijingTime.ZONE)).getHour() + 1).toString();
            form.fill(Map.of("level", proposed == null ? "" : proposed.name(), "startsAt", start,
                    "endsAt", today.plusDays(3).atStartOfDay().toString()));
            model.addAttribute("issueForm", form);
        }
        if (!model.containsAttribute("forecastForm")) {
            model.addAttribute("forecastForm", FormInput.empty());
        }
        return "emergency/index";
    }

    /** A forecast typed on the page: one row per day (AQI low and high, primary pollutant), rows left empty skipped. */
    @PostMapping("/emergency/forecasts")
    String recordForecast(@RequestParam Map<String, String> typed, jakarta.servlet.http.HttpServletResponse response, Model model) {
        FormInput form = new FormInput(typed);
        Instant issuedAt = form.beijingTime("issuedAt", "发布时间");
        List<ForecastPeriod> periods = new ArrayList<>();
        for (int i = 0; i < FORM_DAYS; i++) {
            LocalDate day = form.date("day" + i, "日期");
            Integer low = form.integer("low" + i, "AQI 下限", 0, 500);
            Integer high = form.integer("high" + i, "AQI 上限", 0, 500);
            if (day == null || (low == null && high == null)) {
                continue;
            }
            if (low == null || high == null) {
                form.reject(low == null ? "low" + i : "high" + i, "请同时填写 AQI 下限和上限");
                continue;
            }
            periods.add(new ForecastPeriod(day.atStartOfDay(BeijingTime.ZONE).toInstant(), day.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant(),
                    low, high, form.text("primary" + i)));
        }
        if (!form.hasErrors() && issuedAt == null) {
            form.reject("issuedAt", "请填写预报的发布时间");
        }
        if (!form.hasErrors()) {
            try {
                forecasts.record(issuedAt, periods, form.text("source"));
                return "redirect:/emergency";
            } catch (IllegalArgumentException | AccessDenied e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        model.addAttribute("forecastForm", form);
        return page(model);
    }

    @PostMapping("/emergency/forecasts/workbook")
    String importForecasts(@RequestParam org.springframework.web.multipart.MultipartFile file, Model model) throws java.io.IOException {
        try (var in = EmergencyController.opened(file)) {
            model.addAttribute("forecastReport", sheet.importFile(in, file.getOriginalFilename()));
        }
        return page(model);
    }

    @PostMapping("/emergency/warnings")
    String issue(@RequestParam Map<String, String> typed, @RequestParam(required = false) List<String> counties,
                 jakarta.servlet.http.HttpServletResponse response, Model model) {
        FormInput form = new FormInput(typed);
        Instant startsAt = form.beijingTime("startsAt", "开始时间");
        Instant endsAt = form.beijingTime("endsAt", "结束时间");
        if (!form.hasErrors()) {
            try {
                WarningLevel level = form.text("level") == null ? null : WarningLevel.valueOf(form.text("level"));
                boolean citywide = !"COUNTIES".equals(form.text("area"));
                if (!citywide && (counties == null || counties.isEmpty())) {
                    throw new IllegalArgumentException("area：请勾选发布预警的县（市、区），或选择全市");
                }
                warnings.issue(level, citywide ? List.of() : counties, startsAt, endsAt, form.text("reason"));
                return "redirect:/emergency";
            } catch (IllegalArgumentException | IllegalStateException | AccessDenied e) {
                if (e instanceof IllegalStateException) {
                    form.reject(FormInput.FORM, e.getMessage());
                } else {
                    form.refused(e);
                }
            }
        }
        response.setStatus(400);
        model.addAttribute("issueForm", form);
        return page(model);
    }

    @PostMapping("/emergency/warnings/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) WarningLevel level,
                @RequestParam(required = false) String endsAt, @RequestParam(required = false) String reason) {
        switch (step) {
            case "level" -> warnings.changeLevel(id, level, reason);
            case "extension" -> {
                FormInput form = new FormInput(Map.of("endsAt", endsAt == null ? "" : endsAt));
                Instant until = form.beijingTime("endsAt", "结束时间");
                if (form.hasErrors()) {
                    throw new IllegalArgumentException("endsAt：" + form.error("endsAt"));
                }
                warnings.extend(id, until, reason);
            }
            case "lifting" -> warnings.lift(id, reason);
            default -> throw new IllegalArgumentException("未知的操作 " + step);
        }
        return "redirect:/emergency";
    }

    static final int MEASURES_PAGE = 100;

    /** A county's list of plants and their measures at a level. */
    @GetMapping("/emergency/measures")
    String measuresPage(@RequestParam(defaultValue = "YELLOW") WarningLevel level, @RequestParam(required = false) String county,
                        @RequestParam(defaultValue = "0") int offset, Model model) {
        List<Measures.Measure> rows = measures.list(level, county == null || county.isBlank() ? null : county, Math.max(0, offset), MEASURES_PAGE);
        model.addAttribute("rows", rows);
        model.addAttribute("enterpriseNames", enterprises.names(rows.stream().map(Measures.Measure::creditCode).toList()));
        model.addAttribute("level", level);
        model.addAttribute("county", county);
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("pageSize", MEASURES_PAGE);
        model.addAttribute("levels", WarningLevel.values());
        model.addAttribute("units", divisions.countyLevelUnits().stream().filter(u -> actors.current().scope().covers(u.code())).toList());
        return "emergency/measures";
    }

    /** One plant's measures at the three levels, their revisions, and the form its county changes them with. */
    @GetMapping("/emergency/measures/{code}")
    String plantPage(@PathVariable String code, Model model) {
        var e = enterprises.find(code);
        model.addAttribute("e", e);
        List<Measures.Measure> current = measures.of(code);
        model.addAttribute("current", current);
        model.addAttribute("history", measures.history(code));
        var lines = facilities.lines(code).stream().filter(l -> l.kind() == org.lantian.platform.enterprises.Facilities.LineKind.PRODUCTION).toList();
        model.addAttribute("lines", lines);
        Map<WarningLevel, String> stopped = new java.util.EnumMap<>(WarningLevel.class);
        current.forEach(m -> stopped.put(m.level(), m.stopLineIds().isEmpty() ? "—" : String.join("、", lines.stream()
                .filter(l -> m.stopLineIds().contains(l.id())).map(org.lantian.platform.enterprises.Facilities.Line::name).toList())));
        model.addAttribute("stoppedLines", stopped);
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("levels", WarningLevel.values());
        var me = actors.current();
        model.addAttribute("mayEdit", me.isCityOffice() || (me.role() == org.lantian.platform.identity.Role.COUNTY && me.scope().covers(e.countyCode())));
        return "emergency/plant";
    }

    @PostMapping("/emergency/measures/{code}")
    String editMeasure(@PathVariable String code, @RequestParam WarningLevel level, @RequestParam MeasureKind kind,
                       @RequestParam(required = false) Integer percent, @RequestParam(required = false) List<Long> stopLineIds,
                       @RequestParam(defaultValue = "0") int truckBanStage, @RequestParam(required = false) String text,
                       @RequestParam(required = false) String reason) {
        measures.edit(code, level, kind, percent, stopLineIds, truckBanStage, text, reason);
        return "redirect:/emergency/measures/" + code;
    }

    @PostMapping("/emergency/notices/{id}/confirmation")
    String confirm(@PathVariable long id) {
        notices.confirm(id);
        return "redirect:/emergency";
    }

    private Evaluations evaluations;

    @org.springframework.beans.factory.annotation.Autowired
    void evaluations(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** A warning's steps and its evaluation. */
    @GetMapping("/emergency/warnings/{id}")
    String warningPage(@PathVariable long id, Model model) {
        model.addAttribute("w", warnings.find(id));
        model.addAttribute("steps", warnings.events(id));
        model.addAttribute("evaluation", evaluations.of(id));
        return "emergency/warning";
    }
}
