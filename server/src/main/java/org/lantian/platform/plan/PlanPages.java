package org.lantian.platform.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.lantian.platform.forms.FormInput;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The plan's pages: the ledger of tasks and projects with filters, an item with its reports, the numeric-target board, the review queue. */
@Controller
class PlanPages {

    private final Plans plans;
    private final Progress progress;
    private final TargetBoard board;
    private final Divisions divisions;
    private final Actors actors;
    private final Bulletins bulletins;
    private final CountyScores scores;

    PlanPages(Plans plans, Progress progress, TargetBoard board, Divisions divisions, Actors actors, Bulletins bulletins, CountyScores scores) {
        this.scores = scores;
        this.bulletins = bulletins;
        this.plans = plans;
        this.progress = progress;
        this.board = board;
        this.divisions = divisions;
        this.actors = actors;
    }

    @GetMapping("/plan")
    String ledger(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "tasks") String tab,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) ItemStatus status,
                  @RequestParam(required = false) String county, @RequestParam(required = false) Integer annex,
                  @RequestParam(required = false) java.time.LocalDate due, Model model) {
        List<PlanItems.Plan> all = plans.plans();
        model.addAttribute("plans", all);
        model.addAttribute("tab", tab.equals("projects") ? "projects" : "tasks");
        if (all.isEmpty()) {
            return "plan/index";
        }
        int shown = year != null ? year : all.stream().mapToInt(PlanItems.Plan::year).filter(y -> y <= progress.today().getYear()).max()
                .orElse(all.get(0).year());
        PlanItems.Plan plan = plans.plan(shown);
        Map<String, Progress.State> states = progress.states(shown, progress.today());
        List<PlanItems.Task> tasks = plans.tasks(shown);
        List<PlanItems.Project> projects = plans.projects(shown);
        model.addAttribute("plan", plan);
        model.addAttribute("states", states);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("leadUnits", new TreeSet<>(tasks.stream().flatMap(t -> t.leadUnits().stream()).toList()));
        model.addAttribute("units", divisions.countyLevelUnits());
        model.addAttribute("countyNames", countyNames());
        model.addAttribute("unit", unit);
        model.addAttribute("status", status);
        model.addAttribute("county", county);
        model.addAttribute("annex", annex);
        model.addAttribute("due", due);
        model.addAttribute("tasks", tasks.stream()
                .filter(t -> unit == null || unit.isBlank() || t.leadUnits().contains(unit) || t.partnerUnits().contains(unit))
                .filter(t -> status == null || states.get(Progress.key(PlanItems.Kind.TASK, t.id())).status() == status)
                .filter(t -> due == null || (t.deadline() != null && !t.deadline().isAfter(due))).toList());
        model.addAttribute("projects", projects.stream()
                .filter(p -> county == null || county.isBlank() || p.countyCode().equals(county))
                .filter(p -> annex == null || p.annex() == annex)
                .filter(p -> status == null || states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())).status() == status)
                .filter(p -> due == null || (p.deadline() != null && !p.deadline().isAfter(due))).toList());
        model.addAttribute("taskCounts", counts(tasks.stream().map(t -> states.get(Progress.key(PlanItems.Kind.TASK, t.id())).status()).toList()));
        model.addAttribute("projectCounts", counts(projects.stream().map(p -> states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())).status()).toList()));
        model.addAttribute("pending", actors.current().isCityOffice() ? progress.pending().size() : 0);
        return "plan/index";
    }

    @PostMapping("/plan/workbook")
    String importPlan(@RequestParam Map<String, String> typed, @RequestParam MultipartFile file, Model model) throws java.io.IOException {
        FormInput form = new FormInput(typed);
        Integer year = form.integer("year", "年度", 2013, 2100);
        if (year == null && !form.hasErrors()) {
            form.reject("year", "请填写年度");
        }
        if (file.isEmpty()) {
            form.reject("file", "请选择方案工作簿（.xlsx）");
        } else if (file.getSize() > PlanController.MAX_BYTES) {
            form.reject("file", "文件超过 2 MB");
        }
        if (!form.hasErrors()) {
            try (var in = file.getInputStream()) {
                Plans.ImportReport report = plans.importWorkbook(year, form.text("title"), in);
                if (report.stored()) {
                    return "redirect:/plan?year=" + year;
                }
                model.addAttribute("importReport", report);
            } catch (IllegalArgumentException | IllegalStateException | AccessDenied e) {
                form.refused(e);
            }
        }
        model.addAttribute("importForm", form);
        return ledger(null, "tasks", null, null, null, null, null, model);
    }

    @GetMapping("/plan/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        PlanItems.Task t = plans.task(id);
        return item(model, PlanItems.Kind.TASK, id, t.year(), t.name(), t);
    }

    @GetMapping("/plan/projects/{id}")
    String project(@PathVariable long id, Model model) {
        PlanItems.Project p = plans.project(id);
        return item(model, PlanItems.Kind.PROJECT, id, p.year(), (p.enterprise() == null ? "" : p.enterprise() + " ") + p.content(), p);
    }

    @GetMapping("/plan/targets/{id}")
    String target(@PathVariable long id, Model model) {
        PlanItems.Target t = plans.target(id);
        model.addAttribute("line", board.of(t.year()).stream().filter(l -> l.target().id() == id).findFirst().orElse(null));
        return item(model, PlanItems.Kind.TARGET, id, t.year(), t.what(), t);
    }

    private String item(Model model, PlanItems.Kind kind, long id, int year, String title, Object item) {
        model.addAttribute("kind", kind);
        model.addAttribute("kindPath", kind == PlanItems.Kind.TASK ? "tasks" : kind == PlanItems.Kind.PROJECT ? "projects" : "targets");
        model.addAttribute("title", title);
        model.addAttribute("item", item);
        model.addAttribute("year", year);
        model.addAttribute("state", progress.states(year, progress.today()).get(Progress.key(kind, id)));
        model.addAttribute("reports", progress.reports(kind, id));
        model.addAttribute("countyNames", countyNames());
        Actor me = actors.current();
        model.addAttribute("myUnit", Progress.unitOf(me) == null ? null : progress.unitName(Progress.unitOf(me)));
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", FormInput.empty());
        }
        return "plan/item";
    }

    @PostMapping("/plan/{kind}/{id}/reports")
    String report(@PathVariable String kind, @PathVariable long id, @RequestParam Map<String, String> typed,
                  @RequestParam(required = false) List<MultipartFile> files, jakarta.servlet.http.HttpServletResponse response, Model model)
            throws java.io.IOException {
        PlanItems.Kind k = PlanController.kind(kind);
        FormInput form = new FormInput(typed);
        Integer percent = k == PlanItems.Kind.TARGET ? null : form.integer("percent", "完成进度", 0, 100);
        java.math.BigDecimal value = k == PlanItems.Kind.TARGET
                ? form.decimal("value", "目前数值", java.math.BigDecimal.valueOf(-999_999_999), java.math.BigDecimal.valueOf(999_999_999), "9500") : null;
        if (!form.hasErrors()) {
            try {
                progress.report(k, id, new Progress.NewReport(percent, value, "on".equals(typed.get("done")), form.text("text")),
                        org.lantian.platform.files.EvidenceFiles.readAll(files));
                return "redirect:/plan/" + kind + "/" + id;
            } catch (IllegalArgumentException | IllegalStateException | AccessDenied e) {
                form.refused(e);
            }
        }
        response.setStatus(400);
        model.addAttribute("reportForm", form);
        return switch (k) {
            case TASK -> task(id, model);
            case PROJECT -> project(id, model);
            case TARGET -> target(id, model);
        };
    }

    @PostMapping("/plan/reports/{id}/review")
    String review(@PathVariable long id, @RequestParam boolean accept, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String back) {
        Progress.Report r = progress.review(id, accept, note);
        String path = r.kind() == PlanItems.Kind.TASK ? "tasks" : r.kind() == PlanItems.Kind.PROJECT ? "projects" : "targets";
        return "reviews".equals(back) ? "redirect:/plan/reviews" : "redirect:/plan/" + path + "/" + r.itemId();
    }

    @GetMapping("/plan/targets")
    String targets(@RequestParam(required = false) Integer year, Model model) {
        List<PlanItems.Plan> all = plans.plans();
        model.addAttribute("plans", all);
        if (!all.isEmpty()) {
            int shown = year != null ? year : all.stream().mapToInt(PlanItems.Plan::year).filter(y -> y <= progress.today().getYear()).max()
                    .orElse(all.get(0).year());
            model.addAttribute("plan", plans.plan(shown));
            model.addAttribute("lines", board.of(shown));
        }
        return "plan/targets";
    }

    @GetMapping("/plan/reviews")
    String reviews(Model model) {
        List<Progress.Report> pending = progress.pending();
        List<String> titles = new ArrayList<>();
        for (Progress.Report r : pending) {
            titles.add(switch (r.kind()) {
                case TASK -> plans.task(r.itemId()).name() + "：" + plans.task(r.itemId()).target();
                case PROJECT -> plans.project(r.itemId()).content();
                case TARGET -> plans.target(r.itemId()).what();
            });
        }
        model.addAttribute("pending", pending);
        model.addAttribute("titles", titles);
        return "plan/reviews";
    }

    @GetMapping("/plan/bulletins")
    String bulletins(@RequestParam(required = false) java.time.LocalDate day, @RequestParam(defaultValue = "HALF_MONTH") Bulletins.Kind kind,
                     Model model) {
        List<Bulletins.Issued> issued = bulletins.list();
        model.addAttribute("issued", issued);
        model.addAttribute("kinds", Bulletins.Kind.values());
        model.addAttribute("kind", kind);
        Actor me = actors.current();
        if (me.role() != org.lantian.platform.identity.Role.COUNTY) {
            java.time.LocalDate shown = day != null ? day : switch (kind) {
                case HALF_MONTH -> progress.today().minusDays(15);
                case MONTH_STATEMENT -> progress.today().minusMonths(1);
                case QUARTER_SUMMONS -> progress.today().minusMonths(3);
            };
            java.time.LocalDate[] period = kind.periodOf(shown);
            model.addAttribute("day", shown);
            model.addAttribute("period", period);
            model.addAttribute("document", bulletins.preview(kind, shown));
            model.addAttribute("issuable", me.isCityOffice() && period[1].isBefore(progress.today())
                    && issued.stream().noneMatch(b -> b.kind() == kind && b.from().equals(period[0])));
        }
        return "plan/bulletins";
    }

    @PostMapping("/plan/bulletins")
    String issueBulletin(@RequestParam java.time.LocalDate day, @RequestParam(defaultValue = "HALF_MONTH") Bulletins.Kind kind) {
        return "redirect:/plan/bulletins/" + bulletins.issue(kind, day).id();
    }

    @PostMapping("/plan/bulletins/{id}/read")
    String readBulletin(@PathVariable long id) {
        bulletins.acknowledge(id);
        return "redirect:/plan/bulletins/" + id;
    }

    @GetMapping("/plan/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model) {
        model.addAttribute("bulletin", bulletins.find(id));
        model.addAttribute("document", bulletins.content(id));
        List<org.lantian.platform.alerts.Instructions.Receipt> receipts = bulletins.receipts(id);
        model.addAttribute("receipts", receipts);
        String mine = Progress.unitOf(actors.current());
        model.addAttribute("unread", actors.current().role() == org.lantian.platform.identity.Role.COUNTY
                && receipts.stream().anyMatch(r -> r.unit().equals(mine) && r.readAt() == null));
        return "plan/bulletin";
    }

    @GetMapping("/plan/scores")
    String scores(@RequestParam(required = false) java.time.YearMonth month, Model model) {
        java.time.YearMonth shown = month != null ? month : java.time.YearMonth.from(progress.today()).minusMonths(1);
        if (shown.isAfter(java.time.YearMonth.from(progress.today()))) {
            throw new IllegalArgumentException("month：" + shown + " 尚未开始");
        }
        int quarter = (shown.getMonthValue() - 1) / 3 + 1;
        CountyScores.Scored scored = scores.score(shown.atDay(1), shown.atEndOfMonth());
        model.addAttribute("month", shown);
        model.addAttribute("quarter", quarter);
        model.addAttribute("scored", scored);
        model.addAttribute("components", scored.scores().isEmpty() ? List.of() : List.copyOf(scored.scores().get(0).points().keySet()));
        model.addAttribute("statement", scores.statementList(shown, scored));
        model.addAttribute("summons", scores.summonsList(shown.getYear(), quarter));
        model.addAttribute("version", scores.on(shown.atDay(1)));
        return "plan/scores";
    }

    private Map<String, String> countyNames() {
        Map<String, String> names = new java.util.HashMap<>();
        divisions.countyLevelUnits().forEach(d -> names.put(d.code(), d.shortName()));
        return names;
    }

    private static Map<ItemStatus, Long> counts(List<ItemStatus> statuses) {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, statuses.stream().filter(x -> x == s).count());
        }
        return counts;
    }
}
