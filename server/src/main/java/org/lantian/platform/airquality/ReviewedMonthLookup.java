package org.lantian.platform.airquality;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import org.lantian.platform.monitoring.ReviewedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells monitoring which months are reviewed; apart from {@link ReviewedMonths}, which itself imports through it. */
@Component
class ReviewedMonthLookup implements ReviewedData {

    private final JdbcClient jdbc;

    ReviewedMonthLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<YearMonth> reviewed(Set<YearMonth> months) {
        if (months.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT month FROM airquality_reviewed_month WHERE month = ANY(?)")
                .param(months.stream().map(m -> Date.valueOf(m.atDay(1))).toArray(Date[]::new))
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list());
    }
}
