package org.lantian.platform.enterprises;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lantian.platform.forms.FormInput;
import org.lantian.platform.geo.Datum;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The register's pages: the list with its filters and the year's grading progress, and one enterprise's file. */
@Controller
class EnterprisePages {

    static final int PAGE = 50;

    private final Enterprises enterprises;
    private final Grades grades;
    private final Facilities facilities;
    private final Whitelist whitelist;
    private final RegisterImport workbooks;
    private final Divisions divisions;
    private final Actors actors;
    private final Clock clock;

    private GradeSheet gradeSheet;
    private WhitelistSheet whitelistSheet;

    @org.springframework.beans.factory.annotation.Autowired
    void sheets(GradeSheet gradeSheet, WhitelistSheet whitelistSheet) {
        this.gradeSheet = gradeSheet;
        this.whitelistSheet = whitelistSheet;
    }

    EnterprisePages(Enterprises enterprises, Grades grades, Facilities facilities, Whitelist whitelist, RegisterImport workbooks,
                    Divisions divisions, Actors actors, Clock clock) {
        this.workbooks = workbooks;
        this.whitelist = whitelist;
        this.facilities = facilities;
        this.enterprises = enterprises;
        this.grades = grades;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String county, @RequestParam(required = false) EnterpriseStatus status,
                @RequestParam(required = false) String grade, @RequestParam(required = false) EnterpriseFlag flag,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset, Model model) {
        return listPage(new Enterprises.Filter(blank(county), status, blank(grade), flag, null, blank(q)), Math.max(0, offset),
                FormInput.empty(), model);
    }

    private String listPage(Enterprises.Filter filter, int offset, FormInput form, Model model) {
        Actor me = actors.current();
        model.addAttribute("page", enterprises.list(filter, offset, PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("units", divisions.countyLevelUnits().stream().filter(d -> me.scope().covers(d.code())).toList());
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("flags", EnterpriseFlag.values());
        model.addAttribute("schemes", grades.schemes());
        model.addAttribute("datums", Datum.values());
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("year", year);
        model.addAttribute("progress", me.role() == Role.ENTERPRISE ? List.of() : grades.progress(year));
        model.addAttribute("mayRegister", me.isCityOffice() || me.role() == Role.COUNTY);
        model.addAttribute("form", form);
        if (!model.containsAttribute("importReport")) {
            model.addAttribute("importReport", null);
        }
        return "enterprises/list";
    }

    /** Registers an enterprise from the page; a field that cannot be read is answered beside it, the input kept. */
    @PostMapping("/enterprises")
    String register(@RequestParam Map<String, String> typed, jakarta.servlet.http.HttpServletResponse response, Model model) {
        FormInput form = new FormInput(typed);
        BigDecimal lon = form.decimal("lon", "经度", new BigDecimal("73"), new BigDecimal("136"), "114.2033");
        BigDecimal lat = form.decimal("lat", "纬度", new BigDecimal("3"), new BigDecimal("54"), "36.6966");
        if (!form.hasErrors()) {
            try {
                Datum datum = form.text("datum") == null ? Datum.WGS84 : Datum.valueOf(form.text("datum"));
                Enterprise e = enterprises.register(new Enterprises.Registration(form.text("creditCode"), form.text("name"),
                        form.text("countyCode"), form.text("township"), form.text("address"), lon, lat, datum,
                        form.text("industryCode"), form.text("industryName"), form.text("gradingIndustry"), form.text("cluster"),
                        EnterpriseStatus.OPERATING, null, false), form.text("reason"));
                return "redirect:/enterprises/" + e.creditCode();
            } catch (IllegalArgumentException | AccessDenied e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        return listPage(new Enterprises.Filter(null, null, null, null, null, null), 0, form, model);
    }

    @GetMapping("/enterprises/map")
    String map() {
        return "enterprises/map";
    }

    /** What a workbook imported from the list page holds. */
    enum SheetKind { REGISTER, GRADES }

    /** Imports the register or grades workbook from the page; the report (every wrong row named) shows on the list page. */
    @PostMapping("/enterprises/workbook")
    String importWorkbook(@RequestParam org.springframework.web.multipart.MultipartFile file,
                          @RequestParam(defaultValue = "REGISTER") SheetKind kind,
                          @RequestParam(defaultValue = "WHOLE_FILE") RegisterImport.Mode mode, Model model) throws java.io.IOException {
        try (var in = EnterprisesController.opened(file)) {
            String reason = "导入 " + file.getOriginalFilename();
            if (kind == SheetKind.GRADES) {
                model.addAttribute("gradeReport", gradeSheet.importWorkbook(in, mode, reason));
            } else {
                model.addAttribute("importReport", workbooks.importWorkbook(in, mode, reason));
            }
        }
        return listPage(new Enterprises.Filter(null, null, null, null, null, null), 0, FormInput.empty(), model);
    }

    /** Imports the whitelist workbook (the city office's records from before the platform); the report shows on the whitelist page. */
    @PostMapping("/enterprises/whitelist/workbook")
    String importWhitelist(@RequestParam org.springframework.web.multipart.MultipartFile file,
                           @RequestParam(defaultValue = "WHOLE_FILE") RegisterImport.Mode mode, Model model) throws java.io.IOException {
        try (var in = EnterprisesController.opened(file)) {
            model.addAttribute("whitelistReport", whitelistSheet.importWorkbook(in, mode));
        }
        return whitelistPage(model);
    }

    /** Sets a year's register targets (创A, 升A晋B, whitelist) from the whitelist page: city office. */
    @PostMapping("/enterprises/targets")
    String setTargets(@RequestParam Map<String, String> typed, jakarta.servlet.http.HttpServletResponse response, Model model) {
        FormInput form = new FormInput(typed);
        Integer year = form.integer("year", "年度", 2013, 2100);
        Integer toA = form.integer("upgradeToA", "创 A 目标", 0, 100_000);
        Integer toAOrB = form.integer("upgradeToAOrB", "升 A 晋 B 目标", 0, 100_000);
        Integer listed = form.integer("whitelist", "白名单目标", 0, 100_000);
        if (!form.hasErrors() && year == null) {
            form.reject("year", "请填写年度");
        }
        if (!form.hasErrors()) {
            try {
                grades.setTargets(new Grades.Targets(year, toA, toAOrB, listed), form.text("reason"));
                return "redirect:/enterprises/whitelist?year=" + year;
            } catch (IllegalArgumentException | AccessDenied e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        model.addAttribute("targetsForm", form);
        return whitelistPage(model);
    }

    @GetMapping("/enterprises/{code}")
    String file(@PathVariable String code, Model model) {
        Enterprise e = enterprises.find(code);
        Actor me = actors.current();
        model.addAttribute("e", e);
        model.addAttribute("statusHistory", enterprises.statusHistory(code));
        model.addAttribute("grades", grades.history(code));
        model.addAttribute("flagHistory", enterprises.flagHistory(code));
        List<Facilities.Line> lines = facilities.lines(code);
        model.addAttribute("lines", lines);
        model.addAttribute("lineNames", lines.stream().collect(java.util.stream.Collectors.toMap(Facilities.Line::id, Facilities.Line::name)));
        model.addAttribute("outlets", facilities.liveOutlets(code));
        model.addAttribute("baselines", facilities.baselines(code));
        model.addAttribute("schemes", grades.schemes());
        model.addAttribute("flags", EnterpriseFlag.values());
        model.addAttribute("mayEdit", me.isCityOffice() || (me.role() == Role.COUNTY && me.scope().covers(e.countyCode())));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("whitelistEntries", whitelist.of(e.creditCode()));
        model.addAttribute("mayPropose", me.isCityOffice() || me.role() == Role.DEPARTMENT
                || (me.role() == Role.COUNTY && me.scope().covers(e.countyCode())));
        return "enterprises/file";
    }

    @GetMapping("/enterprises/whitelist")
    String whitelistPage(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("targetsYear", year);
        return whitelistPage(model);
    }

    private String whitelistPage(Model model) {
        Actor me = actors.current();
        LocalDate today = LocalDate.now(clock);
        List<Whitelist.Entry> all = whitelist.list(null);
        model.addAttribute("progress", whitelist.progress(today.getYear()));
        model.addAttribute("proposed", all.stream().filter(w -> w.state() == Whitelist.State.PROPOSED).toList());
        model.addAttribute("included", all.stream().filter(w -> w.state() == Whitelist.State.INCLUDED)
                .sorted(java.util.Comparator.comparing(Whitelist.Entry::nextRecheckDue)).toList());
        model.addAttribute("closed", all.stream().filter(w -> w.state() == Whitelist.State.REJECTED || w.state() == Whitelist.State.REMOVED)
                .limit(200).toList());
        model.addAttribute("today", today);
        model.addAttribute("mayDecide", me.isCityOffice());
        model.addAttribute("mayRecheck", me.isCityOffice() || me.role() == Role.COUNTY);
        Integer year = (Integer) model.getAttribute("targetsYear");
        Grades.Targets targets = grades.targets(year == null || year < 2013 || year > 2100 ? today.getYear() : year);
        if (!model.containsAttribute("targetsForm")) {
            FormInput form = FormInput.empty();
            form.fill(Map.of("year", String.valueOf(targets.year()), "upgradeToA", text(targets.upgradeToA()),
                    "upgradeToAOrB", text(targets.upgradeToAOrB()), "whitelist", text(targets.whitelist())));
            model.addAttribute("targetsForm", form);
        }
        model.addAttribute("targets", targets);
        return "enterprises/whitelist";
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }

    @PostMapping("/enterprises/{code}/whitelist")
    String propose(@PathVariable String code, @RequestParam String reason) {
        whitelist.propose(code, reason);
        return "redirect:/enterprises/" + code;
    }

    @PostMapping("/enterprises/whitelist/{id}/decision")
    String decide(@PathVariable long id, @RequestParam boolean include, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer recheckEveryDays) {
        whitelist.decide(id, include, reason, recheckEveryDays);
        return "redirect:/enterprises/whitelist";
    }

    @PostMapping("/enterprises/whitelist/{id}/rechecks")
    String recheck(@PathVariable long id, @RequestParam boolean passed, @RequestParam(required = false) String note) {
        whitelist.recheck(id, passed, note, null);
        return "redirect:/enterprises/whitelist";
    }

    @PostMapping("/enterprises/whitelist/{id}/removal")
    String removeFromWhitelist(@PathVariable long id, @RequestParam String reason) {
        whitelist.remove(id, reason);
        return "redirect:/enterprises/whitelist";
    }

    @PostMapping("/enterprises/{code}/grades")
    String grade(@PathVariable String code, @RequestParam String scheme, @RequestParam String grade,
                 @RequestParam LocalDate validFrom, @RequestParam(required = false) String evidence) {
        grades.record(code, scheme, grade, null, validFrom, evidence);
        return "redirect:/enterprises/" + code;
    }

    /** Grades from the indicator lines typed on the page ("钢铁 无组织排放 B", one a line). */
    @PostMapping("/enterprises/{code}/grades/assessments")
    String assess(@PathVariable String code, @RequestParam String indicators, @RequestParam LocalDate validFrom,
                  @RequestParam(defaultValue = "false") boolean selected, @RequestParam(required = false) String evidence) {
        grades.assess(code, "FRAMEWORK2026", validFrom, indicatorLines(indicators), selected, evidence);
        return "redirect:/enterprises/" + code;
    }

    static List<GradingRule.Indicator> indicatorLines(String text) {
        List<GradingRule.Indicator> indicators = new java.util.ArrayList<>();
        String[] lines = text.strip().split("\\R");
        if (lines.length > GradingRule.MAX_INDICATORS) {
            throw new IllegalArgumentException("indicators：指标不超过 " + GradingRule.MAX_INDICATORS + " 项，收到 " + lines.length + " 行");
        }
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] parts = lines[n].strip().split("[\\s，,、·]+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("indicators：第 " + (n + 1) + " 行“" + lines[n].strip() + "”应为“行业 指标 等级”三项");
            }
            indicators.add(new GradingRule.Indicator(parts[0], parts[1], parts[2]));
        }
        return indicators;
    }

    @PostMapping("/enterprises/{code}/flags")
    String flag(@PathVariable String code, @RequestParam EnterpriseFlag flag, @RequestParam boolean on,
                @RequestParam(required = false) LocalDate date, @RequestParam(required = false) String reason) {
        enterprises.setFlag(code, flag, on, date, reason);
        return "redirect:/enterprises/" + code;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
