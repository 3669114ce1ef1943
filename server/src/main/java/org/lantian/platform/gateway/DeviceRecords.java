package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the gateway recorded of a device: status, packets, refusals and series; scoped like the registry. */
@Service
public class DeviceRecords {

    private final JdbcClient jdbc;
    private final Devices devices;
    private final GatewayStats stats;
    private final Actors actors;

    DeviceRecords(JdbcClient jdbc, Devices devices, GatewayStats stats, Actors actors) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.stats = stats;
        this.actors = actors;
    }

    /**
     * A device with its state: {@code online} as the watch last judged it (null before any packet),
     * {@code packets} and {@code refused} counted since the gateway started.
     */
    public record DeviceStatus(Device device, Boolean online, Instant lastPacketAt, long packets, long refused, String remote) {
    }

    public List<DeviceStatus> statuses() {
        Map<String, Object[]> stored = new java.util.HashMap<>();
        jdbc.sql("SELECT mn, online, last_packet_at FROM gateway_device_status").query(rs -> {
            stored.put(rs.getString(1), new Object[] {rs.getBoolean(2), rs.getTimestamp(3)});
        });
        return devices.list().stream().map(d -> status(d, stored.get(d.mn()))).toList();
    }

    public DeviceStatus status(String mn) {
        Device d = devices.find(mn);
        Object[] stored = jdbc.sql("SELECT online, last_packet_at FROM gateway_device_status WHERE mn = ?").param(mn)
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getTimestamp(2)}).optional().orElse(null);
        return status(d, stored);
    }

    private DeviceStatus status(Device d, Object[] stored) {
        var live = stats.of(d.mn());
        Instant written = stored == null || stored[1] == null ? null : ((Timestamp) stored[1]).toInstant();
        Instant seenHere = live.map(GatewayStats.Live::lastPacketAt).orElse(null);
        Instant last = written == null || seenHere != null && seenHere.isAfter(written) ? seenHere : written; // written at most every 30 s
        return new DeviceStatus(d, stored == null ? null : (Boolean) stored[0], last,
                live.map(GatewayStats.Live::packets).orElse(0L), live.map(GatewayStats.Live::refused).orElse(0L),
                live.map(GatewayStats.Live::remote).orElse(null));
    }

    public record StoredPacket(long id, String qn, String cn, Instant dataTime, Instant receivedAt, String remote, String text,
                               List<String> tolerated) {
    }

    /** The device's latest packets, newest first. */
    public List<StoredPacket> packets(String mn, int limit) {
        devices.find(mn);
        return jdbc.sql("SELECT * FROM gateway_packet WHERE mn = ? ORDER BY received_at DESC, id DESC LIMIT ?").params(mn, limit)
                .query((rs, n) -> new StoredPacket(rs.getLong("id"), rs.getString("qn"), rs.getString("cn"),
                        rs.getTimestamp("data_time") == null ? null : rs.getTimestamp("data_time").toInstant(),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("remote"), rs.getString("text"),
                        List.of((String[]) rs.getArray("tolerated").getArray())))
                .list();
    }

    /** A split set given up incomplete: the pieces that came are stored; {@code missing} never arrived. */
    public record PartialSet(String cn, String dataTime, int pnum, List<Integer> received, List<Integer> missing, Instant givenUpAt) {
    }

    /** The device's split sets given up incomplete, newest first. */
    public List<PartialSet> partialSets(String mn, int limit) {
        devices.find(mn);
        return jdbc.sql("SELECT * FROM gateway_split_partial WHERE mn = ? ORDER BY given_up_at DESC, id DESC LIMIT ?").params(mn, limit)
                .query((rs, n) -> new PartialSet(rs.getString("cn"), rs.getString("data_time"), rs.getInt("pnum"),
                        List.of((Integer[]) rs.getArray("received").getArray()), List.of((Integer[]) rs.getArray("missing").getArray()),
                        rs.getTimestamp("given_up_at").toInstant()))
                .list();
    }

    /** A refusal; {@code bytes} as received, shown as text (ISO-8859-1, so every byte survives). */
    public record Refusal(long id, Instant receivedAt, String remote, String mn, String reason, String reasonLabel, String detail,
                          String bytes) {
    }

    /** A device's refusals, newest first. */
    public List<Refusal> refusals(String mn, int limit) {
        devices.find(mn);
        return refusals("WHERE mn = ?", List.of(mn), limit);
    }

    /** Every refusal, also those with no device to put them down to (city office). */
    public List<Refusal> allRefusals(int limit) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权查看全部设备的拒收记录");
        }
        return refusals("", List.of(), limit);
    }

    private List<Refusal> refusals(String where, List<Object> params, int limit) {
        return jdbc.sql("SELECT * FROM gateway_rejection " + where + " ORDER BY received_at DESC, id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)))
                .params(params)
                .query((rs, n) -> new Refusal(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), rs.getString("remote"),
                        rs.getString("mn"), rs.getString("reason"),
                        org.lantian.standards.hj212.RejectReason.valueOf(rs.getString("reason")).label(), rs.getString("detail"),
                        new String(rs.getBytes("bytes"), java.nio.charset.StandardCharsets.ISO_8859_1)))
                .list();
    }

    /** @param unit what the values are in ({@link FactorUnits}); null when unknown */
    public record SeriesPoint(Instant dataTime, String factor, BigDecimal rtd, BigDecimal min, BigDecimal avg, BigDecimal max,
                              BigDecimal zsRtd, BigDecimal zsAvg, BigDecimal cou, String flag, String unit) {
    }

    /** A device's values of one command (2011, 2051, 2061, 2031) between from (inclusive) and to (exclusive). */
    public List<SeriesPoint> series(String mn, String cn, Instant from, Instant to) {
        Device device = devices.find(mn);
        return jdbc.sql("""
                        SELECT * FROM gateway_series_factor WHERE mn = ? AND cn = ? AND data_time >= ? AND data_time < ?
                         ORDER BY data_time, factor""")
                .params(mn, cn, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new SeriesPoint(rs.getTimestamp("data_time").toInstant(), rs.getString("factor"),
                        rs.getBigDecimal("rtd"), rs.getBigDecimal("min"), rs.getBigDecimal("avg"), rs.getBigDecimal("max"),
                        rs.getBigDecimal("zs_rtd"), rs.getBigDecimal("zs_avg"), rs.getBigDecimal("cou"), rs.getString("flag"),
                        FactorUnits.of(device, rs.getString("factor"))))
                .list();
    }

    /** A pollutant's mass emitted by an outlet in one hour, kg. */
    public record HourlyEmission(String mn, Instant hour, String factor, BigDecimal kg) {
    }

    /**
     * The hourly emissions (CN 2061, valid hours only: flag N) of the given devices and factors between from
     * (inclusive) and to (exclusive): the hour's Cou (HJ 212-2017: kg for a pollutant) where the device sends
     * it, else the measured concentration times the flue-gas flow (mg/m³ × m³/s × 3 600 s). Across counties:
     * the modules that judge plants call it for the plants they may see.
     */
    public List<HourlyEmission> hourlyEmissions(java.util.Collection<String> mns, java.util.Collection<String> factors, Instant from, Instant to) {
        if (mns.isEmpty() || factors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.mn, s.data_time, f.key,
                               coalesce((f.value ->> 'Cou')::numeric,
                                        (f.value ->> 'Avg')::numeric * (s.factors -> 'a00000' ->> 'Avg')::numeric * 0.0036) AS kg
                          FROM gateway_series s CROSS JOIN LATERAL jsonb_each(s.factors) f
                         WHERE s.mn = ANY(?) AND s.cn = '2061' AND f.key = ANY(?) AND f.value ->> 'Flag' = 'N'
                           AND s.data_time >= ? AND s.data_time < ?
                         ORDER BY s.mn, s.data_time, f.key""")
                .params(mns.toArray(String[]::new), factors.toArray(String[]::new), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HourlyEmission(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBigDecimal(4)))
                .list().stream().filter(e -> e.kg() != null).toList();
    }
}
