package org.lantian.platform.plan;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.platform.files.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/plan")
@Tag(name = "plan", description = "The year's plan: tasks, projects, numeric targets, progress reports and their review")
class PlanController {

    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final Plans plans;
    private final Progress progress;
    private final TargetBoard board;
    private final CountyScores scores;

    PlanController(Plans plans, Progress progress, TargetBoard board, CountyScores scores) {
        this.scores = scores;
        this.plans = plans;
        this.progress = progress;
        this.board = board;
    }

    @GetMapping
    @Operation(summary = "The plans kept, newest year first")
    List<PlanItems.Plan> plans() {
        return plans.plans();
    }

    @PostMapping(value = "/{year}/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a year's plan from its workbook (sheets 附件1–附件5 and 数值目标, in the annexes' columns): city office; taken whole or not at all")
    Plans.ImportReport importPlan(@PathVariable int year, @RequestParam String title, @RequestParam MultipartFile file) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new IllegalArgumentException("file：文件超过 2 MB");
        }
        try (var in = file.getInputStream()) {
            return plans.importWorkbook(year, title, in);
        }
    }

    @GetMapping("/{year}/workbook")
    @Operation(summary = "The year's plan as its workbook (the projects of the caller's area)")
    ResponseEntity<byte[]> exportPlan(@PathVariable int year) {
        return Downloads.workbook(year + "年大气污染综合治理工作方案.xlsx", plans.workbook(year));
    }

    /** An item with where it stands. */
    record Tracked<T>(T item, Progress.State state) {
    }

    @GetMapping("/{year}/tasks")
    @Operation(summary = "The year's tasks (annex 5) with their status")
    List<Tracked<PlanItems.Task>> tasks(@PathVariable int year) {
        Map<String, Progress.State> states = progress.states(year, progress.today());
        return plans.tasks(year).stream().map(t -> new Tracked<>(t, states.get(Progress.key(PlanItems.Kind.TASK, t.id())))).toList();
    }

    @GetMapping("/{year}/projects")
    @Operation(summary = "The year's projects (annexes 1–4) of the caller's area with their status")
    List<Tracked<PlanItems.Project>> projects(@PathVariable int year) {
        Map<String, Progress.State> states = progress.states(year, progress.today());
        return plans.projects(year).stream().map(p -> new Tracked<>(p, states.get(Progress.key(PlanItems.Kind.PROJECT, p.id())))).toList();
    }

    @GetMapping("/{year}/targets")
    @Operation(summary = "The year's numeric targets with their values (live from the registers, or reported), the value expected by today, and whether on course")
    List<TargetBoard.Line> targets(@PathVariable int year) {
        return board.of(year);
    }

    @GetMapping("/tasks/{id}")
    PlanItems.Task task(@PathVariable long id) {
        return plans.task(id);
    }

    @GetMapping("/projects/{id}")
    PlanItems.Project project(@PathVariable long id) {
        return plans.project(id);
    }

    @PostMapping("/{kind}/{id}/reports")
    @Operation(summary = "Report progress on a task, project or target (kind: tasks, projects, targets) for the caller's unit")
    Progress.Report report(@PathVariable String kind, @PathVariable long id, @RequestBody Progress.NewReport report) {
        return progress.report(kind(kind), id, report);
    }

    @PostMapping(value = "/{kind}/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report progress with evidence files (parts: percent, value, done, text, files ≤ 5 × 10 MB; JPEG, PNG, WebP, PDF)")
    Progress.Report reportWithFiles(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) Integer percent,
                                    @RequestParam(required = false) java.math.BigDecimal value, @RequestParam(required = false) Boolean done,
                                    @RequestParam String text, @RequestParam(required = false) List<MultipartFile> files) throws IOException {
        return progress.report(kind(kind), id, new Progress.NewReport(percent, value, done, text),
                org.lantian.platform.files.EvidenceFiles.readAll(files));
    }

    @GetMapping("/reports/{id}/files/{fileId}")
    @Operation(summary = "A file filed with a report (as the report: a county its own)")
    ResponseEntity<byte[]> reportFile(@PathVariable long id, @PathVariable long fileId) {
        var f = progress.file(id, fileId);
        return Downloads.inline(f.filename(), MediaType.parseMediaType(f.contentType()), f.bytes());
    }

    @GetMapping("/{kind}/{id}/reports")
    @Operation(summary = "The reports on an item (a county: its own)")
    List<Progress.Report> reports(@PathVariable String kind, @PathVariable long id) {
        return progress.reports(kind(kind), id);
    }

    @GetMapping("/reports/pending")
    @Operation(summary = "The reports waiting for review: city office")
    List<Progress.Report> pending() {
        return progress.pending();
    }

    record Decision(Boolean accept, String note) {
    }

    @PostMapping("/reports/{id}/review")
    @Operation(summary = "Accept or return a report (a return says why): city office")
    Progress.Report review(@PathVariable long id, @RequestBody Decision d) {
        if (d.accept() == null) {
            throw new IllegalArgumentException("accept：请选择采纳（true）或退回（false）");
        }
        return progress.review(id, d.accept(), d.note());
    }

    @GetMapping("/scores")
    @Operation(summary = "Every county's assessment score (考核奖惩) for from–to (inclusive) under the rules in force at 'from', best first, ties sharing a place")
    CountyScores.Scored scores(@RequestParam java.time.LocalDate from, @RequestParam java.time.LocalDate to) {
        return scores.score(from, to);
    }

    @GetMapping("/statements")
    @Operation(summary = "The monthly statement list (月度表态) of a month (2026-11)")
    List<CountyScores.Listed> statements(@RequestParam java.time.YearMonth month) {
        return scores.statementList(month);
    }

    @GetMapping("/summons")
    @Operation(summary = "The quarterly summons list (季度约谈) of a quarter")
    List<CountyScores.Listed> summons(@RequestParam int year, @RequestParam int quarter) {
        return scores.summonsList(year, quarter);
    }

    @GetMapping("/scoring")
    @Operation(summary = "The versions of the scoring rules, each in force from its date")
    List<CountyScores.Version> scoring() {
        return scores.versions();
    }

    record NewScoring(java.time.LocalDate validFrom, CountyScores.Rules rules, String reason) {
    }

    @PostMapping("/scoring")
    @Operation(summary = "Add a version of the scoring rules (city office)")
    CountyScores.Version addScoring(@RequestBody NewScoring s) {
        return scores.add(s.validFrom(), s.rules(), s.reason());
    }

    static PlanItems.Kind kind(String path) {
        return switch (path) {
            case "tasks" -> PlanItems.Kind.TASK;
            case "projects" -> PlanItems.Kind.PROJECT;
            case "targets" -> PlanItems.Kind.TARGET;
            default -> throw new IllegalArgumentException("kind：应为 tasks、projects 或 targets");
        };
    }
}
