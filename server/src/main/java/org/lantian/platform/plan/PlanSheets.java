package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.lantian.platform.workbooks.OfficeWorkbook;

/**
 * The plan as the office keeps it in a workbook, one sheet per annex in the annex's own columns (附件1 … 附件5)
 * and one of numeric targets (数值目标): read into items, each wrong cell named by sheet, line and column, and
 * written back the same way.
 */
final class PlanSheets {

    static final String ANNEX1 = "附件1";
    static final String ANNEX2 = "附件2";
    static final String ANNEX3 = "附件3";
    static final String ANNEX4 = "附件4";
    static final String ANNEX5 = "附件5";
    static final String TARGETS = "数值目标";

    static final String SEQ = "序号";
    static final String COUNTY = "县（市、区）";
    static final String INDUSTRY = "行业类别";
    static final String ENTERPRISE = "企业名称";
    static final String DEADLINE = "完成时限";

    static final List<String> VOCS_TYPES = List.of("源头替代", "无组织提升改造", "末端提升", "深度治理");
    static final String VOCS_TOTAL = "合计";
    static final String CITY_TOTAL = "全市合计";

    /** Each sheet's columns, in the annex's order. */
    static final Map<String, List<String>> COLUMNS = columns();

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put(ANNEX1, List.of(SEQ, COUNTY, INDUSTRY, ENTERPRISE, "项目内容", "调整类型", DEADLINE));
        c.put(ANNEX2, List.of(SEQ, COUNTY, INDUSTRY, ENTERPRISE, "主要工程改造项目", DEADLINE));
        List<String> vocs = new ArrayList<>(List.of(SEQ, COUNTY));
        vocs.addAll(VOCS_TYPES);
        vocs.add(VOCS_TOTAL);
        c.put(ANNEX3, List.copyOf(vocs));
        c.put(ANNEX4, List.of(SEQ, COUNTY, "项目名称", "项目建设单位", "项目类别", "所在园区/产业集群名称", "完成时间"));
        c.put(ANNEX5, List.of(SEQ, "工作措施", "任务名称", "任务目标", "牵头单位", "责任配合单位", DEADLINE));
        c.put(TARGETS, List.of(SEQ, "指标", "目标值", "单位", "比较", DEADLINE, "数据来源", "牵头单位"));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** The sheets' titles, as the annexes are headed. */
    static final Map<String, String> TITLES = Map.of(
            ANNEX1, "工业企业关停淘汰、转型升级、退城搬迁项目清单", ANNEX2, "工业企业重点治理项目清单", ANNEX3, "VOCs 重点治理项目任务清单",
            ANNEX4, "拟建集中污染治理设施重点项目清单", ANNEX5, "大气污染综合治理工作任务分解表", TARGETS, "数值目标");

    /** A wrong cell: its sheet, line (1-based, the header is line 1) and column, and why. */
    record Problem(String sheet, long line, String column, String reason) {
    }

    /** A cell that cannot be taken, named by its column. */
    static final class CellProblem extends RuntimeException {
        final String column;

        CellProblem(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    /** A row of a project sheet, before its county and enterprise are looked up. */
    record ProjectRow(int annex, int seq, String county, String industry, String enterprise, String content, String type, int quantity,
                      String park, LocalDate deadline, String deadlineText) {
    }

    /** A row of the tasks sheet. */
    record TaskRow(int seq, String measure, String name, String target, List<String> lead, List<String> partners, String partnerNote,
                   LocalDate deadline, String deadlineText) {
    }

    /** A row of the targets sheet. */
    record TargetRow(int seq, String what, BigDecimal target, String unit, PlanItems.Comparison comparison, LocalDate deadline,
                     TargetSource source, String lead) {
    }

    private PlanSheets() {
    }

    static List<ProjectRow> annex1(OfficeWorkbook.Line l, int year) {
        return List.of(new ProjectRow(1, seq(l), required(l, COUNTY), l.get(INDUSTRY), required(l, ENTERPRISE), required(l, "项目内容"),
                required(l, "调整类型"), 1, null, deadline(l, DEADLINE, year), text(l, DEADLINE)));
    }

    static List<ProjectRow> annex2(OfficeWorkbook.Line l, int year) {
        return List.of(new ProjectRow(2, seq(l), required(l, COUNTY), l.get(INDUSTRY), required(l, ENTERPRISE), required(l, "主要工程改造项目"),
                "重点治理", 1, null, deadline(l, DEADLINE, year), text(l, DEADLINE)));
    }

    /** A county's row of annex 3: one project entry per type with its count; its 合计 must be their sum. */
    static List<ProjectRow> annex3(OfficeWorkbook.Line l, int year) {
        List<ProjectRow> rows = new ArrayList<>();
        int sum = 0;
        for (String type : VOCS_TYPES) {
            int n = count(l, type);
            sum += n;
            rows.add(new ProjectRow(3, seq(l), required(l, COUNTY), null, null, "VOCs 治理：" + type, type, n, null, null, ""));
        }
        if (l.get(VOCS_TOTAL) != null && count(l, VOCS_TOTAL) != sum) {
            throw new CellProblem(VOCS_TOTAL, "合计 " + l.get(VOCS_TOTAL) + " 与各类之和 " + sum + " 不符");
        }
        return rows;
    }

    static List<ProjectRow> annex4(OfficeWorkbook.Line l, int year) {
        return List.of(new ProjectRow(4, seq(l), required(l, COUNTY), null, required(l, "项目建设单位"), required(l, "项目名称"), required(l, "项目类别"),
                1, l.get("所在园区/产业集群名称"), deadline(l, "完成时间", year), text(l, "完成时间")));
    }

    static TaskRow task(OfficeWorkbook.Line l, int year) {
        String partners = text(l, "责任配合单位");
        String note = null;
        int paren = partners.indexOf('（');
        if (paren >= 0) {
            note = partners.substring(paren + 1).replace("）", "").strip();
            partners = partners.substring(0, paren);
        }
        return new TaskRow(seq(l), required(l, "工作措施"), required(l, "任务名称"), required(l, "任务目标"), units(required(l, "牵头单位")),
                units(partners), note, deadline(l, DEADLINE, year), text(l, DEADLINE));
    }

    static TargetRow target(OfficeWorkbook.Line l, int year) {
        BigDecimal value;
        try {
            value = new BigDecimal(required(l, "目标值").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CellProblem("目标值", "“" + l.get("目标值") + "”不是数字");
        }
        PlanItems.Comparison comparison;
        try {
            comparison = PlanItems.Comparison.of(required(l, "比较"));
        } catch (IllegalArgumentException e) {
            throw new CellProblem("比较", e.getMessage());
        }
        TargetSource source;
        try {
            source = TargetSource.valueOf(required(l, "数据来源"));
        } catch (IllegalArgumentException e) {
            throw new CellProblem("数据来源", "“" + l.get("数据来源") + "”应为 " + Arrays.toString(TargetSource.values()));
        }
        LocalDate deadline = deadline(l, DEADLINE, year);
        if (deadline == null) {
            throw new CellProblem(DEADLINE, "请填写完成时限");
        }
        return new TargetRow(seq(l), required(l, "指标"), value, required(l, "单位"), comparison, deadline, source, required(l, "牵头单位"));
    }

    static Function<OfficeWorkbook.Line, List<ProjectRow>> projectReader(String sheet, int year) {
        return switch (sheet) {
            case ANNEX1 -> l -> annex1(l, year);
            case ANNEX2 -> l -> annex2(l, year);
            case ANNEX3 -> l -> annex3(l, year);
            case ANNEX4 -> l -> annex4(l, year);
            default -> throw new IllegalArgumentException(sheet);
        };
    }

    /** Units as the annex lists them, separated by spaces or 、. */
    static List<String> units(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s、，,]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    private static int seq(OfficeWorkbook.Line l) {
        return count(l, SEQ);
    }

    private static int count(OfficeWorkbook.Line l, String column) {
        String v = required(l, column);
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || n > 1_000_000) {
                throw new CellProblem(column, "“" + v + "”超出范围");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CellProblem(column, "“" + v + "”不是整数");
        }
    }

    private static String required(OfficeWorkbook.Line l, String column) {
        String v = l.get(column);
        if (v == null || v.isBlank()) {
            throw new CellProblem(column, "请填写" + column);
        }
        return v.strip();
    }

    private static String text(OfficeWorkbook.Line l, String column) {
        String v = l.get(column);
        return v == null ? "" : v.strip();
    }

    private static LocalDate deadline(OfficeWorkbook.Line l, String column, int year) {
        try {
            return PlanDates.parse(l.get(column), year);
        } catch (IllegalArgumentException e) {
            throw new CellProblem(column, e.getMessage());
        }
    }
}
