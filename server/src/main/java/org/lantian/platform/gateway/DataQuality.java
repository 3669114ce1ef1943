package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The usual signs of a faulty or tampered stack monitor, checked on each new hourly value (2061) of a
 * factor with a limit, against the hours before it: the same value for {@value #FLAT_HOURS} hours, a value
 * held within 2 % under the limit for {@value #AT_LIMIT_HOURS} hours, a fall from over a fifth of the
 * limit to under 2 % of it within one hour. Thresholds are the usual inspection rules of thumb, not a
 * standard's; they are constants here until the office sets its own.
 */
final class DataQuality {

    static final int FLAT_HOURS = 6;
    static final int AT_LIMIT_HOURS = 4;
    private static final BigDecimal NEAR_LIMIT = new BigDecimal("0.98");
    private static final BigDecimal FIFTH = new BigDecimal("0.2");
    private static final BigDecimal NEAR_ZERO = new BigDecimal("0.02");

    private final JdbcTemplate jdbc;

    DataQuality(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks one factor's hourly value at {@code hourStart}; returns what it finds. */
    List<DeviceEvents.SuspiciousData> check(Device device, String factor, Instant hourStart, BigDecimal limit) {
        List<BigDecimal> recent = jdbc.query("""
                        SELECT coalesce(zs_avg, avg) FROM gateway_series_factor
                         WHERE mn = ? AND cn = '2061' AND factor = ? AND data_time > ?::timestamptz - make_interval(hours => ?)
                           AND data_time <= ? AND flag = 'N'
                         ORDER BY data_time DESC""",
                (rs, n) -> rs.getBigDecimal(1), device.mn(), factor, Timestamp.from(hourStart), FLAT_HOURS, Timestamp.from(hourStart));
        List<DeviceEvents.SuspiciousData> found = new ArrayList<>();
        if (recent.isEmpty() || recent.get(0) == null) {
            return found;
        }
        BigDecimal now = recent.get(0);
        if (recent.size() >= FLAT_HOURS && recent.stream().allMatch(v -> v != null && v.compareTo(now) == 0)) {
            found.add(event(device, factor, hourStart, DeviceEvents.Suspicion.FLAT_LINE,
                    FLAT_HOURS + " 个小时均为 " + now.toPlainString()));
        }
        BigDecimal nearLimit = limit.multiply(NEAR_LIMIT);
        if (recent.size() >= AT_LIMIT_HOURS && recent.subList(0, AT_LIMIT_HOURS).stream()
                .allMatch(v -> v != null && v.compareTo(nearLimit) >= 0 && v.compareTo(limit) <= 0)) {
            found.add(event(device, factor, hourStart, DeviceEvents.Suspicion.AT_LIMIT,
                    AT_LIMIT_HOURS + " 个小时在限值 " + limit.toPlainString() + " 的 98%–100% 之间"));
        }
        if (recent.size() >= 2 && recent.get(1) != null && recent.get(1).compareTo(limit.multiply(FIFTH)) > 0
                && now.compareTo(limit.multiply(NEAR_ZERO)) < 0) {
            found.add(event(device, factor, hourStart, DeviceEvents.Suspicion.DROP_TO_ZERO,
                    "由 " + recent.get(1).toPlainString() + " 降至 " + now.setScale(Math.max(0, now.scale()), RoundingMode.HALF_EVEN).toPlainString()));
        }
        return found;
    }

    private static final BigDecimal AIR_O2 = BigDecimal.valueOf(21);
    private static final BigDecimal TOLERATED = new BigDecimal("0.10");

    /**
     * Whether a converted value agrees with the measured one and the O2 of the same hour:
     * Zs = C × (21 − O2ref) / (21 − O2) (the conversion of GB 13223 / HJ 75); more than 10 % off is suspicious.
     */
    java.util.Optional<DeviceEvents.SuspiciousData> checkConversion(Device device, String factor, Instant hourStart, BigDecimal measured,
                                                                    BigDecimal converted, BigDecimal o2) {
        if (device.referenceO2() == null || measured == null || converted == null || o2 == null || o2.compareTo(AIR_O2) >= 0
                || measured.signum() <= 0) {
            return java.util.Optional.empty();
        }
        BigDecimal expected = measured.multiply(AIR_O2.subtract(device.referenceO2()))
                .divide(AIR_O2.subtract(o2), 6, RoundingMode.HALF_EVEN);
        BigDecimal off = converted.subtract(expected).abs().divide(expected, 6, RoundingMode.HALF_EVEN);
        if (off.compareTo(TOLERATED) <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(event(device, factor, hourStart, DeviceEvents.Suspicion.ZS_INCONSISTENT,
                "折算值 " + converted.toPlainString() + "，按实测 " + measured.toPlainString() + "、氧含量 " + o2.toPlainString()
                        + "% 和基准氧 " + device.referenceO2().toPlainString() + "% 应为 " + expected.setScale(2, RoundingMode.HALF_EVEN)));
    }

    private static DeviceEvents.SuspiciousData event(Device d, String factor, Instant hourStart, DeviceEvents.Suspicion s, String detail) {
        return new DeviceEvents.SuspiciousData(d.mn(), d.countyCode(), d.boundTo(), factor, hourStart, s, detail);
    }
}
