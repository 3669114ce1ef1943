package org.lantian.platform.enterprises;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The register of air-related enterprises over REST (docs/enterprises.md). */
@RestController
@RequestMapping("/api/enterprises")
class EnterprisesController {

    private final Enterprises enterprises;
    private final Grades grades;
    private final Facilities facilities;
    private final Whitelist whitelist;
    private final RegisterImport workbooks;

    private final GradeSheet gradeSheet;
    private final WhitelistSheet whitelistSheet;

    EnterprisesController(Enterprises enterprises, Grades grades, Facilities facilities, Whitelist whitelist, RegisterImport workbooks,
                          GradeSheet gradeSheet, WhitelistSheet whitelistSheet) {
        this.gradeSheet = gradeSheet;
        this.whitelistSheet = whitelistSheet;
        this.workbooks = workbooks;
        this.whitelist = whitelist;
        this.enterprises = enterprises;
        this.grades = grades;
        this.facilities = facilities;
    }

    @GetMapping
    @Operation(summary = "The enterprises the caller may see, filtered and paged (limit ≤ 500)")
    Enterprises.Page list(@RequestParam(required = false) String county, @RequestParam(required = false) EnterpriseStatus status,
                          @RequestParam(required = false) String grade, @RequestParam(required = false) EnterpriseFlag flag,
                          @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        return enterprises.list(new Enterprises.Filter(county, status, grade, flag, industry, q), offset, limit);
    }

    record Change(Enterprises.Registration enterprise, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an enterprise (city office, or a county for its own); the credit code's check character is verified, "
            + "GCJ-02 and BD-09 positions are stored as WGS-84, the county is found from the position unless given")
    Enterprise register(@RequestBody Change request) {
        return enterprises.register(require(request), request.reason());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One enterprise's file")
    Enterprise find(@PathVariable String code) {
        return enterprises.find(code);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Replace an enterprise's particulars; a status change is kept in its history")
    Enterprise change(@PathVariable String code, @RequestBody Change request) {
        return enterprises.change(code, require(request), request.reason());
    }

    @GetMapping("/{code}/status-history")
    List<Enterprises.StatusChange> statusHistory(@PathVariable String code) {
        return enterprises.statusHistory(code);
    }

    record FlagChange(boolean on, LocalDate date, String reason) {
    }

    @PutMapping("/{code}/flags/{flag}")
    @Operation(summary = "Put the enterprise on a list (on = true) or take it off, from a date")
    Enterprise setFlag(@PathVariable String code, @PathVariable EnterpriseFlag flag, @RequestBody FlagChange request) {
        return enterprises.setFlag(code, flag, request.on(), request.date(), request.reason());
    }

    @GetMapping("/{code}/flags")
    List<Enterprises.FlagSpan> flags(@PathVariable String code) {
        return enterprises.flagHistory(code);
    }

    record NewGrade(String scheme, String grade, String gradingIndustry, LocalDate validFrom, String evidence) {
    }

    @PostMapping("/{code}/grades")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a performance grade from a date; the grade before ends the day before")
    Grades.Grade grade(@PathVariable String code, @RequestBody NewGrade request) {
        return grades.record(code, request.scheme(), request.grade(), request.gradingIndustry(), request.validFrom(), request.evidence());
    }

    record Assessment(String scheme, LocalDate validFrom, List<GradingRule.Indicator> indicators, Boolean selected, String evidence) {
    }

    @PostMapping("/{code}/grades/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grade from indicator grades under a computed scheme (FRAMEWORK2026): the weakest indicator sets an industry's grade, "
            + "the lowest industry the enterprise's; selected=true asks for A+, allowed only where the indicators give A")
    Grades.Assessed assess(@PathVariable String code, @RequestBody Assessment request) {
        return grades.assess(code, request.scheme(), request.validFrom(), request.indicators(), Boolean.TRUE.equals(request.selected()), request.evidence());
    }

    @GetMapping("/{code}/grades")
    List<Grades.Grade> gradeHistory(@PathVariable String code) {
        return grades.history(code);
    }

    record NewLine(String name, Facilities.LineKind kind, java.math.BigDecimal capacity, String capacityUnit, String meterPoint,
                   String serves) {
    }

    @PostMapping("/{code}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a production line or treatment facility, with its capacity and electricity sub-meter point")
    Facilities.Line addLine(@PathVariable String code, @RequestBody NewLine request) {
        return facilities.addLine(code, request.name(), request.kind(), request.capacity(), request.capacityUnit(), request.meterPoint(),
                request.serves());
    }

    @GetMapping("/{code}/lines")
    List<Facilities.Line> lines(@PathVariable String code) {
        return facilities.lines(code);
    }

    record NewOutlet(String code, String name, String permitNumber, List<String> pollutants, String deviceMn) {
    }

    @PostMapping("/{code}/outlets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an outlet (排放口), bound to its gateway device by MN")
    Facilities.Outlet addOutlet(@PathVariable String code, @RequestBody NewOutlet request) {
        return facilities.addOutlet(code, request.code(), request.name(), request.permitNumber(), request.pollutants(), request.deviceMn());
    }

    @GetMapping("/{code}/outlets")
    @Operation(summary = "The outlets with their devices' live state and latest hour against the limits")
    List<Facilities.LiveOutlet> outlets(@PathVariable String code) {
        return facilities.liveOutlets(code);
    }

    record Baselines(List<Facilities.Baseline> baselines, String reason) {
    }

    @PutMapping("/{code}/baselines/{year}")
    @Operation(summary = "Replace a year's baseline emissions (tonnes a year of SO2, NOX, PM, VOCS; per line or for the enterprise)")
    List<Facilities.Baseline> setBaselines(@PathVariable String code, @PathVariable int year, @RequestBody Baselines request) {
        return facilities.setBaselines(code, year, request.baselines() == null ? List.of() : request.baselines(), request.reason());
    }

    @GetMapping("/{code}/baselines")
    List<Facilities.Baseline> baselines(@PathVariable String code) {
        return facilities.baselines(code);
    }

    record Proposal(String reason) {
    }

    @GetMapping("/{code}/whitelist")
    @Operation(summary = "Every whitelist record of one enterprise, newest first")
    List<Whitelist.Entry> whitelistOf(@PathVariable String code) {
        return whitelist.of(code);
    }

    @PostMapping("/{code}/whitelist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose the enterprise for the supervision whitelist (a county for its own, a department, the city office)")
    Whitelist.Entry propose(@PathVariable String code, @RequestBody Proposal request) {
        return whitelist.propose(code, request.reason());
    }

    @GetMapping("/whitelist")
    @Operation(summary = "Whitelist records in the caller's scope, by state (PROPOSED, INCLUDED, REJECTED, REMOVED; all when absent)")
    List<Whitelist.Entry> whitelist(@RequestParam(required = false) Whitelist.State state) {
        return whitelist.list(state);
    }

    @GetMapping("/whitelist/progress")
    Whitelist.Progress whitelistProgress(@RequestParam int year) {
        return whitelist.progress(year);
    }

    record Decision(boolean include, String reason, Integer recheckEveryDays) {
    }

    @PostMapping("/whitelist/{id}/decision")
    @Operation(summary = "Include (re-checked every recheckEveryDays, default 180) or reject a proposal: city office")
    Whitelist.Entry decide(@PathVariable long id, @RequestBody Decision request) {
        return whitelist.decide(id, request.include(), request.reason(), request.recheckEveryDays());
    }

    record Recheck(boolean passed, String note, LocalDate checkedOn) {
    }

    @PostMapping("/whitelist/{id}/rechecks")
    @Operation(summary = "Record a re-check (监督复核): passed sets the next due date, failed removes the enterprise")
    Whitelist.Entry recheck(@PathVariable long id, @RequestBody Recheck request) {
        return whitelist.recheck(id, request.passed(), request.note(), request.checkedOn());
    }

    @PostMapping("/whitelist/{id}/removal")
    @Operation(summary = "Remove an enterprise from the whitelist with a reason: city office")
    Whitelist.Entry remove(@PathVariable long id, @RequestBody Proposal request) {
        return whitelist.remove(id, request.reason());
    }

    @PostMapping(value = "/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the register workbook (docs/enterprises.md): mode WHOLE_FILE stores nothing when a row is wrong, "
            + "ROW_BY_ROW stores every right row; every wrong row is named by line, column and reason")
    RegisterImport.Report importWorkbook(@RequestParam org.springframework.web.multipart.MultipartFile file,
                                         @RequestParam(defaultValue = "WHOLE_FILE") RegisterImport.Mode mode,
                                         @RequestParam(required = false) String reason) throws java.io.IOException {
        try (var in = opened(file)) {
            return workbooks.importWorkbook(in, mode, reason == null ? "导入 " + file.getOriginalFilename() : reason);
        }
    }

    @GetMapping("/workbook")
    @Operation(summary = "The register (with the list's filters) as the office's workbook; it imports back unchanged")
    org.springframework.http.ResponseEntity<byte[]> exportWorkbook(@RequestParam(required = false) String county,
                                                                   @RequestParam(required = false) EnterpriseStatus status,
                                                                   @RequestParam(required = false) String grade,
                                                                   @RequestParam(required = false) EnterpriseFlag flag,
                                                                   @RequestParam(required = false) String q) {
        return xlsx("涉气企业清单.xlsx", workbooks.export(new Enterprises.Filter(county, status, grade, flag, null, q)));
    }

    @PostMapping(value = "/grades/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import grades (docs/enterprises.md): each row a grade from its date, checked as one recorded by hand; "
            + "rows already recorded are counted as unchanged")
    RowImport.Report importGrades(@RequestParam org.springframework.web.multipart.MultipartFile file,
                                  @RequestParam(defaultValue = "WHOLE_FILE") RegisterImport.Mode mode,
                                  @RequestParam(required = false) String reason) throws java.io.IOException {
        try (var in = opened(file)) {
            return gradeSheet.importWorkbook(in, mode, reason == null ? "导入 " + file.getOriginalFilename() : reason);
        }
    }

    @GetMapping("/grades/workbook")
    @Operation(summary = "Every grade the selected enterprises have held, as the grades workbook; it imports back unchanged")
    org.springframework.http.ResponseEntity<byte[]> exportGrades(@RequestParam(required = false) String county,
                                                                 @RequestParam(required = false) String grade,
                                                                 @RequestParam(required = false) String q) {
        return xlsx("绩效分级.xlsx", gradeSheet.export(new Enterprises.Filter(county, null, grade, null, null, q)));
    }

    @PostMapping(value = "/whitelist/workbook", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the enterprises already on the whitelist (city office); rows already recorded are counted as unchanged")
    RowImport.Report importWhitelist(@RequestParam org.springframework.web.multipart.MultipartFile file,
                                     @RequestParam(defaultValue = "WHOLE_FILE") RegisterImport.Mode mode) throws java.io.IOException {
        try (var in = opened(file)) {
            return whitelistSheet.importWorkbook(in, mode);
        }
    }

    @GetMapping("/whitelist/workbook")
    @Operation(summary = "Every whitelist record the caller may see with its state and dates")
    org.springframework.http.ResponseEntity<byte[]> exportWhitelist() {
        return xlsx("监管白名单.xlsx", whitelistSheet.export());
    }

    /** The largest workbook taken (a whole city's register is about 1 MB). */
    static final long MAX_WORKBOOK_BYTES = 20L * 1024 * 1024;

    static java.io.InputStream opened(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > MAX_WORKBOOK_BYTES) {
            throw new IllegalArgumentException("file：工作簿超过 20 MB");
        }
        return file.getInputStream();
    }

    static org.springframework.http.ResponseEntity<byte[]> xlsx(String filename, byte[] book) {
        return org.lantian.platform.files.Downloads.workbook(filename, book);
    }

    @GetMapping("/map")
    @Operation(summary = "Every located operating enterprise the caller may see, with its grade, for the source map")
    List<Enterprises.MapPoint> map() {
        return enterprises.mapPoints();
    }

    @GetMapping("/near")
    @Operation(summary = "Operating enterprises within radiusKm (≤ 20) of a WGS-84 point, nearest first (at most 100)")
    List<Enterprises.Nearby> near(@RequestParam double lon, @RequestParam double lat, @RequestParam(defaultValue = "3") double radiusKm) {
        if (!(radiusKm > 0 && radiusKm <= 20) || !Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("radiusKm：半径应在 0–20 km 之间，经纬度应为有限的数");
        }
        return enterprises.near(lon, lat, radiusKm, 100);
    }

    record TargetChange(Integer upgradeToA, Integer upgradeToAOrB, Integer whitelist, String reason) {
    }

    @PutMapping("/targets/{year}")
    @Operation(summary = "Set a year's targets for the register (创A, 升A晋B, whitelist): city office")
    Grades.Targets setTargets(@PathVariable int year, @RequestBody TargetChange request) {
        return grades.setTargets(new Grades.Targets(year, request.upgradeToA(), request.upgradeToAOrB(), request.whitelist()), request.reason());
    }

    @GetMapping("/targets/{year}")
    Grades.Targets targets(@PathVariable int year) {
        return grades.targets(year);
    }

    @GetMapping("/grading-schemes")
    List<Grades.Scheme> schemes() {
        return grades.schemes();
    }

    @GetMapping("/grading-progress")
    @Operation(summary = "创A and 升A晋B in a year by county, from the grade history, against the plan's targets")
    List<Grades.Progress> progress(@RequestParam int year) {
        return grades.progress(year);
    }

    private static Enterprises.Registration require(Change request) {
        if (request == null || request.enterprise() == null) {
            throw new IllegalArgumentException("enterprise：请求体需要 enterprise 对象");
        }
        return request.enterprise();
    }
}
