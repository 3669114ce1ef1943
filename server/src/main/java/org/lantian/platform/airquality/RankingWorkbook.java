package org.lantian.platform.airquality;

import java.time.LocalDate;
import java.util.List;

import org.lantian.platform.workbooks.OfficeWorkbook;
import org.lantian.standards.Pollutant;

/** The county ranking as the XLSX table a bulletin takes (Apache POI). */
final class RankingWorkbook {

    static final String[] HEADER = {"综合指数排名", "县（市、区）", "综合指数", "综合指数同比（%）", "综合指数改善排名",
            "PM2.5（μg/m³）", "PM2.5 排名", "PM2.5 同比（%）", "PM2.5 改善排名", "优良天数比例（%）", "重污染天数", "有效天数"};

    private RankingWorkbook() {
    }

    static byte[] write(List<AirQualityPeriods.RankedCounty> ranking, LocalDate from, LocalDate to) {
        OfficeWorkbook.Writer book = OfficeWorkbook.writer("县区排名")
                .caption("邯郸市各县（市、区）空气质量排名  " + from + " 至 " + to + "（实时数据，未经审核）").blank()
                .header(List.of(HEADER));
        for (AirQualityPeriods.RankedCounty c : ranking) {
            AirQualityPeriods.Figures f = c.figures();
            book.row(java.util.Arrays.asList(rank(c.indexRank()), f.name(), f.compositeIndex(), f.indexChangePercent(),
                    rank(c.indexImprovementRank()), f.concentrations().get(Pollutant.PM2_5), rank(c.pm25Rank()), f.pm25ChangePercent(),
                    rank(c.pm25ImprovementRank()), f.goodDayRatio(), f.heavyDays(), f.validDays()));
        }
        return book.widths(16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16).bytes();
    }

    /** A rank, or an empty cell where there is none. */
    private static Integer rank(Integer rank) {
        return rank != null && rank > 0 ? rank : null;
    }
}
