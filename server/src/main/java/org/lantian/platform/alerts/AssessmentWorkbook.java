package org.lantian.platform.alerts;

import java.time.LocalDate;
import java.util.List;

import org.lantian.platform.workbooks.OfficeWorkbook;

/** The assessment as the table the half-monthly bulletin takes (Apache POI). */
final class AssessmentWorkbook {

    static final String[] HEADER = {"排名", "单位", "推送数", "按时签收", "按时处置", "超时", "未办结", "退回次数", "平均处置用时（分钟）",
            "P90 处置用时（分钟）", "按时处置率（%）", "已核查", "处置有效", "有效率（%）", "焚烧火点", "火点 30 分钟内处置"};

    private AssessmentWorkbook() {
    }

    static byte[] write(List<Assessment.Row> rows, LocalDate from, LocalDate toExclusive) {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("高值推送办理考核")
                .caption("邯郸市高值推送办理情况考核  " + from + " 至 " + toExclusive.minusDays(1)).blank();
        table(book, "各县（市、区）", rows.stream().filter(x -> !x.department()).toList());
        List<Assessment.Row> departments = rows.stream().filter(Assessment.Row::department).toList();
        if (!departments.isEmpty()) {
            table(book.blank(), "市直部门", departments);
        }
        return book.widths(12, 18, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12).bytes();
    }

    private static void table(OfficeWorkbook.Writer book, String caption, List<Assessment.Row> rows) {
        book.caption(caption).header(List.of(HEADER));
        for (Assessment.Row a : rows) {
            book.row(java.util.Arrays.asList(a.rank(), a.name(), a.pushed(), a.receivedOnTime(), a.disposedOnTime(), a.overdue(), a.open(),
                    a.returned(), orDash(a.meanMinutes()), orDash(a.p90Minutes()), orDash(a.onTimeRate()), a.judged(), a.effective(),
                    orDash(a.effectiveRate()), a.firePoints(), a.firePointsInTime()));
        }
    }

    private static Object orDash(java.math.BigDecimal value) {
        return value == null ? "—" : value;
    }
}
