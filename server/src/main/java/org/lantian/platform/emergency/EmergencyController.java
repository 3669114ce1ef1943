package org.lantian.platform.emergency;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/emergency")
@Tag(name = "重污染天气应急", description = "Forecasts, the warning level the rules of the day propose, and the warnings issued, changed and lifted")
class EmergencyController {

    private final Forecasts forecasts;
    private final ForecastSheet sheet;
    private final WarningRules rules;
    private final Warnings warnings;
    private final WarningNotice notice;

    private Measures measures;

    @org.springframework.beans.factory.annotation.Autowired
    void measures(Measures measures) {
        this.measures = measures;
    }

    EmergencyController(Forecasts forecasts, ForecastSheet sheet, WarningRules rules, Warnings warnings, WarningNotice notice) {
        this.notice = notice;
        this.forecasts = forecasts;
        this.sheet = sheet;
        this.rules = rules;
        this.warnings = warnings;
    }

    @GetMapping("/rules")
    @Operation(summary = "The versions of the warning rules, each valid from its date (STANDARDS §4.1, §4.2)")
    List<WarningRules.Version> rules() {
        return rules.versions();
    }

    record NewIssue(Instant issuedAt, String source, List<ForecastPeriod> periods) {
    }

    @PostMapping("/forecasts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one issue of the city AQI forecast (city office): its periods (1–72 h each, not overlapping)")
    Forecasts.Issue record(@RequestBody NewIssue issue) {
        return forecasts.record(issue.issuedAt(), issue.periods(), issue.source());
    }

    @PostMapping(value = "/forecasts/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import forecasts from the forecasting centre's XLSX or CSV (docs/emergency.md); every wrong row named")
    ForecastSheet.Report importForecasts(@RequestParam org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        try (var in = opened(file)) {
            return sheet.importFile(in, file.getOriginalFilename());
        }
    }

    /** An uploaded file of at most 1 MB (a forecast, a day of sub-meter readings). */
    static java.io.InputStream opened(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > ForecastSheet.MAX_BYTES) {
            throw new IllegalArgumentException("file：文件超过 1 MB，请分批导入");
        }
        return file.getInputStream();
    }

    @GetMapping("/forecasts")
    @Operation(summary = "The forecast issues of the last days (≤ 90), newest first")
    List<Forecasts.Issue> recentForecasts(@RequestParam(defaultValue = "7") int days) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("days：1–90 天");
        }
        return forecasts.recent(days);
    }

    @GetMapping("/proposal")
    @Operation(summary = "The level the rules in force today propose from the latest forecast, and why")
    Warnings.Proposal proposal() {
        return warnings.propose();
    }

    record NewWarning(WarningLevel level, List<String> counties, Instant startsAt, Instant endsAt, String reason) {
    }

    @PostMapping("/warnings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a warning for the city (no counties) or named counties: city office; the reason is required")
    Warning issue(@RequestBody NewWarning w) {
        return warnings.issue(w.level(), w.counties(), w.startsAt(), w.endsAt(), w.reason());
    }

    @PostMapping("/warnings/past")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a warning that has already ended (from the archive), for its evaluation: city office; no notice is sent")
    Warning recordPast(@RequestBody NewWarning w) {
        return warnings.recordPast(w.level(), w.counties(), w.startsAt(), w.endsAt(), w.reason());
    }

    record LevelChange(WarningLevel level, String reason) {
    }

    @PostMapping("/warnings/{id}/level")
    @Operation(summary = "Raise or lower a warning in force")
    Warning changeLevel(@PathVariable long id, @RequestBody LevelChange change) {
        return warnings.changeLevel(id, change.level(), change.reason());
    }

    record Extension(Instant endsAt, String reason) {
    }

    @PostMapping("/warnings/{id}/extension")
    @Operation(summary = "Extend a warning in force to a later end")
    Warning extend(@PathVariable long id, @RequestBody Extension extension) {
        return warnings.extend(id, extension.endsAt(), extension.reason());
    }

    record Lifting(String reason) {
    }

    @PostMapping("/warnings/{id}/lifting")
    @Operation(summary = "Lift a warning now")
    Warning lift(@PathVariable long id, @RequestBody Lifting lifting) {
        return warnings.lift(id, lifting.reason());
    }

    @GetMapping("/warnings")
    @Operation(summary = "Warnings in force or ended within the last days (≤ 400), newest first")
    List<Warning> recent(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 400) {
            throw new IllegalArgumentException("days：1–400 天");
        }
        return warnings.recent(days);
    }

    @GetMapping("/warnings/current")
    @Operation(summary = "The warnings in force now covering the caller's area, strictest first")
    List<Warning> current() {
        return warnings.inForceNow();
    }

    @GetMapping("/warnings/{id}")
    Warning warning(@PathVariable long id) {
        return warnings.find(id);
    }

    @GetMapping("/warnings/{id}/notice.pdf")
    @Operation(summary = "The warning's notice at its latest step as the office issues it (PDF)")
    org.springframework.http.ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
        byte[] pdf = notice.pdf(id);
        return org.lantian.platform.files.Downloads.inline("重污染天气预警通知-" + id + ".pdf", org.springframework.http.MediaType.APPLICATION_PDF, pdf);
    }

    @GetMapping("/warnings/{id}/events")
    @Operation(summary = "Every step of a warning with its reason")
    List<Warnings.Event> events(@PathVariable long id) {
        return warnings.events(id);
    }

    @GetMapping("/measure-templates")
    @Operation(summary = "The measure templates in force: per grading industry ('*': any) × grade × level")
    List<Measures.Template> templates() {
        return measures.templates(measures.templateVersion());
    }

    record Generation(Boolean replaceEdited, String reason) {
    }

    @PostMapping("/measures/generation")
    @Operation(summary = "Generate every listed plant's measures for the three levels from the templates (city office); edited ones kept unless replaceEdited")
    Measures.Generated generate(@RequestBody Generation g) {
        return measures.generate(Boolean.TRUE.equals(g.replaceEdited()), g.reason());
    }

    @GetMapping("/measures")
    @Operation(summary = "The current measures at a level in the caller's area, a page at a time (limit ≤ 500)")
    List<Measures.Measure> measures(@RequestParam WarningLevel level, @RequestParam(required = false) String county,
                                    @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return measures.list(level, county, offset, limit);
    }

    @GetMapping("/measures/workbook")
    @Operation(summary = "The measures list at a level as the counties file it (XLSX), the caller's area or one county")
    org.springframework.http.ResponseEntity<byte[]> measuresWorkbook(@RequestParam WarningLevel level, @RequestParam(required = false) String county) {
        return org.lantian.platform.files.Downloads.workbook(level.colour() + "预警应急减排措施清单.xlsx",
                measures.workbook(level, county == null || county.isBlank() ? null : county));
    }

    @GetMapping("/measures/{code}")
    @Operation(summary = "One plant's current measures (an enterprise account: its own)")
    List<Measures.Measure> plantMeasures(@PathVariable String code) {
        return measures.of(code);
    }

    @GetMapping("/measures/{code}/history")
    List<Measures.Measure> plantHistory(@PathVariable String code) {
        return measures.history(code);
    }

    record MeasureEdit(MeasureKind kind, Integer percent, List<Long> stopLineIds, Integer truckBanStage, String text, String reason) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/measures/{code}/{level}")
    @Operation(summary = "Change a plant's measure at a level (its county or the city office); the expected reduction is counted again")
    Measures.Measure edit(@PathVariable String code, @PathVariable WarningLevel level, @RequestBody MeasureEdit e) {
        return measures.edit(code, level, e.kind(), e.percent(), e.stopLineIds(), e.truckBanStage(), e.text(), e.reason());
    }

    @GetMapping("/reductions")
    @Operation(summary = "Each county's and the city's expected reduction at a level (t/day) against the share the rules require; shortfalls named")
    List<Measures.AreaReduction> reductions(@RequestParam WarningLevel level) {
        return measures.reductions(level);
    }

    private Notices notices;

    @org.springframework.beans.factory.annotation.Autowired
    void notices(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    @Operation(summary = "An enterprise account's warning notices with its measure, newest first (reading them records the receipt)")
    List<Notices.Notice> myNotices() {
        return notices.mine();
    }

    @PostMapping("/notices/{id}/confirmation")
    @Operation(summary = "An enterprise confirms it received a notice and carries out its measure")
    Notices.Notice confirm(@PathVariable long id) {
        return notices.confirm(id);
    }

    record ArchivedReceipts(List<Notices.ArchivedReceipt> receipts) {
    }

    @PostMapping("/warnings/{id}/archived-receipts")
    @Operation(summary = "Record from the archive who was told of a warning recorded afterwards and when they confirmed: city office")
    java.util.Map<String, Integer> archivedReceipts(@PathVariable long id, @RequestBody ArchivedReceipts body) {
        return java.util.Map.of("recorded", notices.recordArchived(warnings.find(id), body.receipts()));
    }

    @GetMapping("/warnings/{id}/receipts")
    @Operation(summary = "Each county's plants that have read and confirmed the warning's latest notice, and those overdue")
    List<Notices.Receipts> receipts(@PathVariable long id) {
        warnings.find(id);
        return notices.receipts(id);
    }

    private Compliance compliance;

    @org.springframework.beans.factory.annotation.Autowired
    void compliance(Compliance compliance) {
        this.compliance = compliance;
    }

    record Readings(List<Compliance.Reading> readings) {
    }

    @PostMapping("/submeter-readings")
    @Operation(summary = "Electricity sub-meter readings (分表计电) by meter point (≤ 5 000 a call); each plant touched is checked against its measure "
            + "under the warning in force, breaches raised as tickets to its county")
    Compliance.Report readings(@RequestBody Readings body) {
        return compliance.readings(body.readings());
    }

    @PostMapping(value = "/submeter-readings/file", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Sub-meter readings from a CSV or XLSX file (计量点, 时间, 功率（kW）; ≤ 5 000 rows, ≤ 1 MB); taken whole or not at all")
    Compliance.FileReport readingsFile(@RequestParam org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        try (var in = opened(file)) {
            return compliance.readingsFile(in, file.getOriginalFilename());
        }
    }

    record GateRecords(List<Compliance.GateRecord> records) {
    }

    @PostMapping("/gate-records")
    @Operation(summary = "Factory-gate records of heavy trucks (门禁) with emission stage (≤ 5 000 a call); a banned stage entering during a warning is raised as a ticket")
    Compliance.Report gateRecords(@RequestBody GateRecords body) {
        return compliance.gateRecords(body.records());
    }

    private Evaluations evaluations;

    @org.springframework.beans.factory.annotation.Autowired
    void evaluations(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/warnings/{id}/evaluation")
    @Operation(summary = "A warning looked at: per county the plants told and confirmed, breaches and their disposal, compliance, planned reductions; "
            + "each day's forecast against the observed AQI")
    Evaluations.Evaluation evaluation(@PathVariable long id) {
        return evaluations.of(id);
    }
}
