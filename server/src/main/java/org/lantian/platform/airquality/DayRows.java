package org.lantian.platform.airquality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.lantian.standards.Pollutant;
import org.lantian.standards.assessment.DailyValues;
import org.lantian.standards.assessment.Mean;

/** Reads a stored day (station or area) back into the standards' {@link DailyValues}. */
final class DayRows {

    /** The pollutants with a daily mean, in column order. */
    static final Pollutant[] MEANS = {Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.CO, Pollutant.PM2_5};
    /** The hourly concentration columns of hour rows (station, area, national network), in column order. */
    static final Pollutant[] HOUR_COLUMNS = {Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.CO, Pollutant.O3, Pollutant.PM2_5};

    private DayRows() {
    }

    static DailyValues read(ResultSet rs) throws SQLException {
        Map<Pollutant, Mean> means = new EnumMap<>(Pollutant.class);
        for (Pollutant p : MEANS) {
            BigDecimal v = rs.getBigDecimal(column(p));
            if (v != null) {
                means.put(p, new Mean(v, 1)); // stored to 34 digits: rounding it equals rounding the exact mean
            }
        }
        BigDecimal mda8 = rs.getBigDecimal("o3_8h");
        return new DailyValues(rs.getDate("day").toLocalDate(), Collections.unmodifiableMap(means),
                Optional.ofNullable(mda8).map(v -> new Mean(v, 1)), Optional.ofNullable(rs.getBigDecimal("o3_1h")));
    }

    /** A pollutant's place in {@link #HOUR_COLUMNS}. */
    static int hourColumn(Pollutant p) {
        return java.util.Arrays.asList(HOUR_COLUMNS).indexOf(p);
    }

    /** A day's stored values in column order: the five means, MDA8, maximum 1-hour O3 (null where absent). */
    static java.util.List<Object> values(DailyValues day) {
        java.util.List<Object> values = new java.util.ArrayList<>(MEANS.length + 2);
        for (Pollutant p : MEANS) {
            Mean m = day.means().get(p);
            values.add(m == null ? null : m.value());
        }
        values.add(day.o3MaxEightHour().map(Mean::value).orElse(null));
        values.add(day.o3MaxOneHour().orElse(null));
        return values;
    }

    static String column(Pollutant p) {
        return p == Pollutant.PM2_5 ? "pm25" : p.name().toLowerCase(java.util.Locale.ROOT);
    }
}
