package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads stored series: the current revision of each value, within the actor's scope. */
@Service
public class Observations {

    private final JdbcClient jdbc;
    private final Stations stations;

    Observations(JdbcClient jdbc, Stations stations) {
        this.jdbc = jdbc;
        this.stations = stations;
    }

    /** One value of a series as it stands now, with how many times it was revised. */
    public record Point(Instant periodEnd, BigDecimal value, String flag, int revision) {
    }

    /**
     * The current values of one series with {@code from < periodEnd <= to}, oldest first.
     *
     * @throws NotFound when the station does not exist or lies outside the actor's scope
     */
    public List<Point> series(String stationCode, String pollutant, Averaging averaging, Instant from, Instant to) {
        if (stations.history(stationCode).isEmpty()) {
            throw new NotFound("站点 " + stationCode);
        }
        String table = (averaging == Averaging.PUBLISHED ? SeriesTable.REFERENCE : SeriesTable.OBSERVATION).tableName();
        return jdbc.sql("""
                        SELECT DISTINCT ON (period_end) period_end, value, flag, revision
                          FROM %s
                         WHERE station_code = ? AND pollutant = ? AND averaging = ? AND period_end > ? AND period_end <= ?
                         ORDER BY period_end, revision DESC""".formatted(table))
                .params(stationCode, pollutant, averaging.code(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** One current hourly value, valid for statistics (flag N), as computations read them. */
    public record HourlyValue(String stationCode, String pollutant, Instant periodEnd, BigDecimal value) {
    }

    /**
     * The current valid hourly values of the given stations with {@code from < periodEnd <= to}, ordered by
     * station and time. Values flagged other than N are kept in storage but are not valid for statistics
     * (HJ 212 flags), so they are not returned. Stations outside the actor's scope are left out.
     */
    /**
     * The national network's published values (AQI, {@code PM2.5_24h}, …) of the given stations with
     * {@code from < periodEnd <= to}, current revision, as {@link HourlyValue}s whose pollutant is the
     * published type. Stations outside the actor's scope are left out.
     */
    public List<HourlyValue> publishedHourly(java.util.Collection<String> stationCodes, Instant from, Instant to) {
        String[] codes = visible(stationCodes);
        if (codes.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT ON (station_code, pollutant, period_end) station_code, pollutant, period_end, value
                          FROM monitoring_reference_value
                         WHERE station_code = ANY(?) AND period_end > ? AND period_end <= ?
                         ORDER BY station_code, pollutant, period_end, revision DESC""")
                .params(codes, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HourlyValue(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)))
                .list();
    }

    public List<HourlyValue> validHourly(java.util.Collection<String> stationCodes, Instant from, Instant to) {
        String[] codes = visible(stationCodes);
        if (codes.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT station_code, pollutant, period_end, value FROM (
                            SELECT DISTINCT ON (station_code, pollutant, period_end) station_code, pollutant, period_end, value, flag
                              FROM monitoring_observation
                             WHERE station_code = ANY(?) AND averaging = '1h' AND period_end > ? AND period_end <= ?
                             ORDER BY station_code, pollutant, period_end, revision DESC) current
                         WHERE flag = 'N'
                         ORDER BY station_code, period_end""")
                .params(codes, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HourlyValue(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)))
                .list();
    }


    /** The given station codes that lie within the actor's scope. */
    private String[] visible(java.util.Collection<String> stationCodes) {
        java.util.Set<String> visible = stations.visibleCodes();
        return stationCodes.stream().filter(visible::contains).toArray(String[]::new);
    }
}
