package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.airquality.AirQualityPeriods;
import org.lantian.platform.alerts.Assessment;
import org.lantian.platform.alerts.Instructions;
import org.lantian.platform.documents.OfficialDocument;
import org.lantian.platform.documents.OfficialDocx;
import org.lantian.platform.documents.OfficialPdf;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Role;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.platform.workbooks.OfficeWorkbook;
import org.lantian.standards.BeijingTime;
import org.lantian.standards.Pollutant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents the office rules by: the half-monthly bulletin (半月通报), the monthly statement list (月度表态)
 * and the quarterly summons list (季度约谈). The half-monthly bulletin, "既比绝对值又比改善率": for a half-month, the city's air quality, the
 * counties ranked by composite index and PM2.5 on absolute value and on improvement, the handling of high-value
 * pushes and fire points, and the plan's overdue items; generated for any half-month as a document (PDF, Word,
 * Excel of its tables), and once issued kept as it was and sent to every county through an instruction, whose
 * receipts say who has read it.
 */
@Service
public class Bulletins {

    /** What is issued: the half-monthly bulletin, the monthly statement list, the quarterly summons list. */
    public enum Kind {
        HALF_MONTH("半月通报"), MONTH_STATEMENT("月度表态名单"), QUARTER_SUMMONS("季度约谈名单");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The period of this kind holding a day, both ends inclusive. */
        public LocalDate[] periodOf(LocalDate day) {
            return switch (this) {
                case HALF_MONTH -> halfMonth(day);
                case MONTH_STATEMENT -> new LocalDate[] {day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth())};
                case QUARTER_SUMMONS -> {
                    LocalDate first = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    yield new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
                }
            };
        }
    }

    public enum Format { PDF, DOCX, XLSX }

    /** An issued bulletin. */
    public record Issued(long id, Kind kind, LocalDate from, LocalDate to, String title, String issuedBy, Instant issuedAt, Long instructionId) {
    }

    static final String TITLE = "邯郸市大气污染防治工作半月通报";
    static final int MAX_OVERDUE_ROWS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AirQualityPeriods periods;
    private final Assessment assessment;
    private final Plans plans;
    private final Progress progress;
    private final CountyScores scores;
    private final Instructions instructions;
    private final Divisions divisions;
    private final OfficialPdf pdf;
    private final OfficialDocx docx;
    private final org.lantian.platform.documents.ChartImages charts;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    Bulletins(JdbcClient jdbc, AirQualityPeriods periods, Assessment assessment, Plans plans, Progress progress, CountyScores scores,
              Instructions instructions,
              Divisions divisions, OfficialPdf pdf, OfficialDocx docx, org.lantian.platform.documents.ChartImages charts, Actors actors,
              AuditLog audit, Clock clock) {
        this.charts = charts;
        this.jdbc = jdbc;
        this.periods = periods;
        this.assessment = assessment;
        this.plans = plans;
        this.progress = progress;
        this.scores = scores;
        this.instructions = instructions;
        this.divisions = divisions;
        this.pdf = pdf;
        this.docx = docx;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** The half-month holding a day: the 1st to the 15th, or the 16th to the month's end (both inclusive). */
    public static LocalDate[] halfMonth(LocalDate day) {
        LocalDate[] exclusive = Assessment.halfMonthOf(day);
        return new LocalDate[] {exclusive[0], exclusive[1].minusDays(1)};
    }

    /** The half-monthly bulletin of the half-month holding {@code day}, from today's data. */
    public OfficialDocument preview(LocalDate day) {
        return preview(Kind.HALF_MONTH, day);
    }

    /** A document of its kind for the period holding {@code day}, from today's data: city office, departments, viewers. */
    public OfficialDocument preview(Kind kind, LocalDate day) {
        requireReader();
        LocalDate[] period = kind.periodOf(day);
        if (period[0].isAfter(progress.today())) {
            throw new IllegalArgumentException("day：" + period[0] + " 起的" + kind.label() + "期间尚未开始");
        }
        return actors.asSystem(() -> document(kind, period[0], period[1]));
    }

    private OfficialDocument document(Kind kind, LocalDate from, LocalDate to) {
        return switch (kind) {
            case HALF_MONTH -> halfMonthDocument(from, to);
            case MONTH_STATEMENT -> statementDocument(java.time.YearMonth.from(from));
            case QUARTER_SUMMONS -> summonsDocument(from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
        };
    }

    /** The document in a format. */
    public byte[] render(OfficialDocument document, Format format) {
        return switch (format) {
            case PDF -> pdf.render(document);
            case DOCX -> docx.render(document);
            case XLSX -> tables(document);
        };
    }

    /**
     * Issues the bulletin of a half-month that has ended: city office. It is stored as it stands in every format,
     * never regenerated, and sent to the 20 counties as an instruction.
     */
    @Transactional
    public Issued issue(LocalDate day) {
        return issue(Kind.HALF_MONTH, day);
    }

    /** Issues a document of its kind for an ended period, once: city office. */
    @Transactional
    public Issued issue(Kind kind, LocalDate day) {
        Actor actor = actors.current();
        if (!actor.isCityOffice()) {
            throw new AccessDenied(actor.username() + " 无权印发通报（市大气办）");
        }
        LocalDate[] period = kind.periodOf(day);
        if (!period[1].isBefore(progress.today())) {
            throw new IllegalStateException(period[0] + " 至 " + period[1] + " 尚未结束，结束后再印发（可先预览）");
        }
        if (jdbc.sql("SELECT count(*) FROM plan_bulletin WHERE kind = ? AND period_from = ?").params(kind.name(), java.sql.Date.valueOf(period[0]))
                .query(Integer.class).single() > 0) {
            throw new IllegalStateException(period[0] + " 至 " + period[1] + " 的" + kind.label() + "已印发；印发后的文件不再改动");
        }
        OfficialDocument document = actors.asSystem(() -> document(kind, period[0], period[1]));
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO plan_bulletin (kind, period_from, period_to, title, content, pdf, docx, xlsx, issued_by, issued_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), java.sql.Date.valueOf(period[0]), java.sql.Date.valueOf(period[1]), document.title() + "（" + document.number() + "）",
                        JSON.writeValueAsString(document), render(document, Format.PDF), render(document, Format.DOCX), render(document, Format.XLSX),
                        actor.username(), Timestamp.from(now))
                .query(Long.class).single();
        var instruction = instructions.issue("印发：" + document.title() + "（" + document.number() + "）",
                "现印发" + period[0] + "至" + period[1] + "大气污染防治工作" + kind.label() + "，请在平台“半月通报”页查阅（#" + id + "），对照排名和问题抓好整改。",
                divisions.countyLevelUnits().stream().map(d -> d.code()).toList(), null, kind.label() + " #" + id);
        jdbc.sql("UPDATE plan_bulletin SET instruction_id = ? WHERE id = ?").params(instruction.id(), id).update();
        audit.record("plan.bulletin.issued", "bulletin", String.valueOf(id), null, document.number(),
                Map.of("kind", kind.name(), "from", period[0].toString()));
        return find(id);
    }

    /** The issued bulletins, newest first (every unit: they were sent to all). */
    public List<Issued> list() {
        requireSignedInUnit();
        return jdbc.sql("SELECT id, kind, period_from, period_to, title, issued_by, issued_at, instruction_id FROM plan_bulletin ORDER BY period_from DESC LIMIT 200")
                .query((rs, n) -> issued(rs)).list();
    }

    public Issued find(long id) {
        requireSignedInUnit();
        return jdbc.sql("SELECT id, kind, period_from, period_to, title, issued_by, issued_at, instruction_id FROM plan_bulletin WHERE id = ?")
                .param(id).query((rs, n) -> issued(rs)).optional().orElseThrow(() -> new NotFound("通报 " + id));
    }

    /** An issued bulletin's document as it was issued. */
    public OfficialDocument content(long id) {
        find(id);
        String json = jdbc.sql("SELECT content::text FROM plan_bulletin WHERE id = ?").param(id).query(String.class).single();
        return JSON.readValue(json, OfficialDocument.class);
    }

    /** An issued bulletin's file, the bytes that went out. */
    public byte[] file(long id, Format format) {
        find(id);
        return jdbc.sql("SELECT " + format.name().toLowerCase(java.util.Locale.ROOT) + " FROM plan_bulletin WHERE id = ?").param(id)
                .query(byte[].class).single();
    }

    /** A county confirms it has read an issued bulletin (its receipt on the instruction that carried it). */
    @Transactional
    public void acknowledge(long id) {
        Issued b = find(id);
        if (b.instructionId() == null) {
            throw new IllegalStateException("通报 #" + id + " 未发送到县区");
        }
        instructions.acknowledge(b.instructionId());
    }

    /** The counties' read receipts of an issued bulletin. */
    public List<Instructions.Receipt> receipts(long id) {
        Issued b = find(id);
        return b.instructionId() == null ? List.of() : instructions.receipts(b.instructionId());
    }

    OfficialDocument halfMonthDocument(LocalDate from, LocalDate to) {
        int half = (from.getMonthValue() - 1) * 2 + (from.getDayOfMonth() == 1 ? 1 : 2);
        var doc = OfficialDocument.titled(TITLE)
                .number(from.getYear() + "年第 " + half + " 期（" + from.getMonthValue() + "月" + (from.getDayOfMonth() == 1 ? "上" : "下") + "半月）")
                .to("各县（市、区）人民政府（管委会），市直有关部门：")
                .paragraph("现将" + chinese(from) + "至" + chinese(to) + "（以下简称本期）全市大气污染防治工作情况通报如下。");
        doc.heading("一、空气质量状况");
        var city = periods.area(Divisions.CITY_CODE, from, to);
        doc.paragraph(city.validDays() == 0 ? "本期尚无有效监测数据。" : "本期全市细颗粒物（PM2.5）平均浓度 " + plain(city.concentrations().get(Pollutant.PM2_5))
                + " 微克/立方米" + change(city.pm25ChangePercent()) + "；空气质量综合指数 " + plain(city.compositeIndex()) + change(city.indexChangePercent())
                + "；优良天数 " + city.goodDays() + " 天（有效监测 " + city.validDays() + " 天），重度及以上污染 " + city.heavyDays() + " 天。");
        List<AirQualityPeriods.RankedCounty> ranking = new ArrayList<>(periods.countyRanking(from, to));
        ranking.sort(Comparator.comparingInt(AirQualityPeriods.RankedCounty::indexRank));
        doc.table("表 1　各县（市、区）空气质量综合指数及 PM2.5 排名", List.of("排名", "县（市、区）", "综合指数", "同比（%）", "改善率排名", "PM2.5（μg/m³）",
                "同比（%）", "PM2.5 改善率排名"), ranking.stream().map(r -> List.of(String.valueOf(r.indexRank()), r.figures().name(),
                plain(r.figures().compositeIndex()), signed(r.figures().indexChangePercent()), place(r.indexImprovementRank()),
                plain(r.figures().concentrations().get(Pollutant.PM2_5)), signed(r.figures().pm25ChangePercent()), place(r.pm25ImprovementRank()))).toList(),
                Set.of(0, 2, 3, 4, 5, 6, 7));
        if (ranking.stream().anyMatch(r -> r.figures().compositeIndex() != null)) {
            Map<String, BigDecimal> index = new java.util.LinkedHashMap<>();
            ranking.forEach(r -> index.put(r.figures().name(), r.figures().compositeIndex()));
            Set<String> bottom = new java.util.HashSet<>(ranking.subList(Math.max(0, ranking.size() - 3), ranking.size()).stream()
                    .map(r -> r.figures().name()).toList());
            doc.figure("图 1　各县（市、区）空气质量综合指数（" + from + " 至 " + to + "，红色为后三位）",
                    charts.bars("各县（市、区）空气质量综合指数 " + from + " 至 " + to, "综合指数（无量纲，越小越好）", index, bottom, "0.00"), 156);
        }
        if (ranking.size() >= 3) {
            doc.paragraph("综合指数排名后三位：" + names(ranking.subList(ranking.size() - 3, ranking.size())) + "；改善率排名后三位："
                    + names(ranking.stream().filter(r -> r.indexImprovementRank() != null)
                            .sorted(Comparator.comparingInt(AirQualityPeriods.RankedCounty::indexImprovementRank)).toList(), 3) + "。");
        }
        doc.heading("二、高值推送和火点办理情况");
        List<Assessment.Row> handling = assessment.of(from, to.plusDays(1)).stream().filter(r -> !r.department()).toList();
        List<List<String>> handled = new ArrayList<>(handling.stream().map(r -> List.of(String.valueOf(r.rank()), r.name(), String.valueOf(r.pushed()),
                String.valueOf(r.receivedOnTime()), String.valueOf(r.disposedOnTime()), String.valueOf(r.overdue()), plain(r.onTimeRate()),
                plain(r.effectiveRate()), String.valueOf(r.firePoints()), String.valueOf(r.firePointsInTime()))).toList());
        // a county with nothing pushed to it is in the table too, unranked
        divisions.countyLevelUnits().stream().filter(d -> handling.stream().noneMatch(r -> r.unit().equals(d.code())))
                .forEach(d -> handled.add(List.of("—", d.shortName(), "0", "0", "0", "0", "—", "—", "0", "0")));
        doc.table("表 2　各县（市、区）高值推送办理情况", List.of("排名", "县（市、区）", "推送（件）", "按时签收", "按时处置", "超时", "按时率（%）", "有效处置率（%）",
                "火点（个）", "火点按时处置"), handled, Set.of(0, 2, 3, 4, 5, 6, 7, 8, 9));
        doc.heading("三、年度方案任务进展");
        overdue(doc, from.getYear(), to);
        doc.heading("四、考核得分");
        scoreTable(doc, scores.score(from, to), "本期");
        doc.heading("五、扬尘、露天焚烧量化问责");
        var version = scores.on(from);
        var limits = version.rules().accountability();
        List<CountyScores.Accountable> accountable = scores.accountability(from, to);
        List<String> named = accountable.stream().filter(a -> a.dustOver() || a.burningOver()).map(CountyScores.Accountable::name).toList();
        doc.paragraph(limits == null ? "考核规则未设问责阈值。" : "本期扬尘问题达到 " + limits.dust() + " 起、或露天焚烧（含火点）达到 " + limits.burning()
                + " 起的县（市、区）：" + (named.isEmpty() ? "无" : String.join("、", named)) + "。");
        doc.table("表 " + (tableCount(doc) + 1) + "　各县（市、区）扬尘、露天焚烧问题数量（本期推送，按处置查明的原因）",
                List.of("县（市、区）", "扬尘（起）", "露天焚烧（起）", "达到问责条件"), accountable.stream().map(a -> List.of(a.name(),
                        String.valueOf(a.dust()), String.valueOf(a.burning()),
                        a.dustOver() && a.burningOver() ? "扬尘、焚烧" : a.dustOver() ? "扬尘" : a.burningOver() ? "焚烧" : "")).toList(), Set.of(1, 2));
        doc.note("说明：空气质量为国家标准方法计算的实况统计，同比为与上年同期比较，正值为上升（变差）；排名中 1 为最好，并列者名次相同。"
                + "推送办理按推送时间统计；方案进展为截至印发时经市大气办审核的报送。");
        return doc.signedBy(OfficialDocument.CITY_AIR_OFFICE, progress.today());
    }

    /** 月度表态: the bottom of the month's scores speak at the month's dispatch meeting. */
    OfficialDocument statementDocument(java.time.YearMonth month) {
        CountyScores.Scored scored = scores.score(month.atDay(1), month.atEndOfMonth());
        List<CountyScores.Listed> listed = scores.statementList(month, scored);
        var doc = OfficialDocument.titled("邯郸市大气污染防治工作月度表态名单")
                .number(month.getYear() + "年" + month.getMonthValue() + "月")
                .to("各县（市、区）人民政府（管委会）：")
                .paragraph("根据空气质量考核奖惩办法（考核规则第 " + scored.version() + " 版），" + month.getYear() + "年" + month.getMonthValue()
                        + "月考核得分排名靠后的县（市、区）在月度调度会上作表态发言：" + (listed.isEmpty() ? "无。"
                        : String.join("、", listed.stream().map(CountyScores.Listed::name).toList()) + "。"));
        listedTable(doc, listed);
        scoreTable(doc, scored, month.getYear() + "年" + month.getMonthValue() + "月");
        return doc.signedBy(OfficialDocument.CITY_AIR_OFFICE, progress.today());
    }

    /** 季度约谈: the bottom of the quarter, and the counties worsening month after month, are summoned. */
    OfficialDocument summonsDocument(int year, int quarter) {
        LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
        CountyScores.Scored scored = scores.score(first, first.plusMonths(3).minusDays(1));
        List<CountyScores.Listed> listed = scores.summonsList(year, quarter, scored);
        var doc = OfficialDocument.titled("邯郸市大气污染防治工作季度约谈名单")
                .number(year + "年第" + quarter + "季度")
                .to("各县（市、区）人民政府（管委会）：")
                .paragraph("根据空气质量考核奖惩办法（考核规则第 " + scored.version() + " 版），对" + year + "年第" + quarter
                        + "季度考核得分排名靠后、或空气质量综合指数连续同比恶化的县（市、区）政府主要负责同志进行约谈：" + (listed.isEmpty() ? "无。"
                        : String.join("、", listed.stream().map(CountyScores.Listed::name).toList()) + "。"));
        listedTable(doc, listed);
        scoreTable(doc, scored, year + "年第" + quarter + "季度");
        return doc.signedBy(OfficialDocument.CITY_AIR_OFFICE, progress.today());
    }

    private static void listedTable(OfficialDocument.Builder doc, List<CountyScores.Listed> listed) {
        if (!listed.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), listed.get(i).name(), String.join("；", listed.get(i).reasons())));
            }
            doc.table("表 1　名单及原因", List.of("序号", "县（市、区）", "原因"), rows, Set.of(0));
        }
    }

    private static void scoreTable(OfficialDocument.Builder doc, CountyScores.Scored scored, String period) {
        List<CountyScores.Component> parts = scored.scores().isEmpty() ? List.of() : List.copyOf(scored.scores().get(0).points().keySet());
        List<String> header = new ArrayList<>(List.of("名次", "县（市、区）"));
        parts.forEach(c -> header.add(c.label()));
        header.add("合计");
        doc.table("表 " + (tableCount(doc) + 1) + "　" + period + "各县（市、区）考核得分（考核规则第 " + scored.version() + " 版）", header,
                scored.scores().stream().map(x -> {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(x.rank()), x.name()));
                    parts.forEach(c -> row.add(x.points().get(c).toPlainString()));
                    row.add(x.total().toPlainString());
                    return row;
                }).toList(), numericFrom(2, header.size(), 0));
    }

    private void overdue(OfficialDocument.Builder doc, int year, LocalDate asOf) {
        if (plans.plans().stream().noneMatch(p -> p.year() == year)) {
            doc.paragraph(year + " 年度方案尚未导入。");
            return;
        }
        Map<String, Progress.State> states = progress.states(year, asOf);
        List<List<String>> rows = new ArrayList<>();
        int tasks = 0;
        int projects = 0;
        for (PlanItems.Task t : plans.tasks(year)) {
            Progress.State s = states.get(Progress.key(PlanItems.Kind.TASK, t.id()));
            if (s.status() == ItemStatus.OVERDUE) {
                tasks++;
                rows.add(List.of("任务 " + t.seq() + "：" + PlanItems.oneLine(t.target(), 60), String.join("、", t.leadUnits()), t.deadlineText(), percent(s)));
            }
        }
        for (PlanItems.Project p : plans.projects(year)) {
            Progress.State s = states.get(Progress.key(PlanItems.Kind.PROJECT, p.id()));
            if (s.status() == ItemStatus.OVERDUE) {
                projects++;
                rows.add(List.of("附件" + p.annex() + "-" + p.seq() + "：" + (p.enterprise() == null ? "" : p.enterprise() + " ") + p.content(),
                        divisions.find(p.countyCode()).map(d -> d.shortName()).orElse(p.countyCode()), p.deadlineText(), percent(s)));
            }
        }
        doc.paragraph("截至" + chinese(asOf) + "，年度方案逾期未完成任务 " + tasks + " 项、项目 " + projects + " 个" + (rows.isEmpty() ? "。" : "，详见表 3。"));
        if (!rows.isEmpty()) {
            List<List<String>> numbered = new ArrayList<>();
            for (int i = 0; i < Math.min(rows.size(), MAX_OVERDUE_ROWS); i++) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1)));
                row.addAll(rows.get(i));
                numbered.add(row);
            }
            doc.table("表 3　逾期未完成的任务和项目", List.of("序号", "事项", "责任单位", "完成时限", "最近审核进度"), numbered, Set.of(0, 4));
            if (rows.size() > MAX_OVERDUE_ROWS) {
                doc.note("另有 " + (rows.size() - MAX_OVERDUE_ROWS) + " 项逾期事项未列出，见平台“方案调度”。");
            }
        }
    }

    private static int tableCount(OfficialDocument.Builder doc) {
        return (int) doc.blocks().stream().filter(b -> b instanceof OfficialDocument.Table).count();
    }

    private static Set<Integer> numericFrom(int first, int size, int... more) {
        Set<Integer> columns = new java.util.HashSet<>();
        for (int i = first; i < size; i++) {
            columns.add(i);
        }
        for (int m : more) {
            columns.add(m);
        }
        return columns;
    }

    /** Each table of the document as a sheet: its caption, header and rows. */
    private static byte[] tables(OfficialDocument document) {
        OfficeWorkbook.Writer w = null;
        int n = 0;
        for (OfficialDocument.Block b : document.blocks()) {
            if (b instanceof OfficialDocument.Table t) {
                n++;
                String sheet = "表" + n;
                w = w == null ? OfficeWorkbook.writer(sheet) : w.sheet(sheet);
                w.caption(document.title() + "（" + document.number() + "）").caption(t.caption() == null ? "" : t.caption()).header(t.header());
                t.rows().forEach(w::row);
            }
        }
        return (w == null ? OfficeWorkbook.writer("通报").caption(document.title()) : w).bytes();
    }

    private static String chinese(LocalDate d) {
        return OfficialDocument.chineseDate(d);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String signed(BigDecimal v) {
        return v == null ? "—" : (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }

    private static String change(BigDecimal percent) {
        if (percent == null) {
            return "（无上年同期数据）";
        }
        return percent.signum() == 0 ? "，与上年同期持平" : "，同比" + (percent.signum() > 0 ? "上升 " : "下降 ") + percent.abs().toPlainString() + "%";
    }

    private static String place(Integer rank) {
        return rank == null ? "—" : String.valueOf(rank);
    }

    private static String percent(Progress.State s) {
        return s.percent() == null ? "无" : s.percent() + "%";
    }

    private static String names(List<AirQualityPeriods.RankedCounty> counties) {
        return String.join("、", counties.stream().map(r -> r.figures().name()).toList());
    }

    private static String names(List<AirQualityPeriods.RankedCounty> ranked, int last) {
        return ranked.size() < last ? "—" : names(ranked.subList(ranked.size() - last, ranked.size()));
    }

    private void requireReader() {
        Actor actor = actors.current();
        if (actor.role() != Role.CITY_OFFICE && actor.role() != Role.DEPARTMENT && actor.role() != Role.VIEWER) {
            throw new AccessDenied(actor.username() + " 无权预览未印发的通报");
        }
    }

    private void requireSignedInUnit() {
        if (actors.current().role() == Role.ENTERPRISE) {
            throw new AccessDenied(actors.current().username() + " 无权查看通报");
        }
    }

    private static Issued issued(java.sql.ResultSet rs) throws java.sql.SQLException {
        long instruction = rs.getLong("instruction_id");
        return new Issued(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), rs.getString("title"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                rs.wasNull() ? null : instruction);
    }
}
