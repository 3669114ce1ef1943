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
            throw new NotFound("station " + stationCode);
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

    /** The latest hour with any measured value at the station, if any. */
    public java.util.Optional<Instant> latestHour(String stationCode) {
        return jdbc.sql("SELECT max(period_end) FROM monitoring_observation WHERE station_code = ? AND averaging = '1h'")
                .param(stationCode)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }
}
