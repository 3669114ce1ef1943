package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.Tolerance;

/**
 * A registered device: who it is (MN), what it monitors, what it is bound to, and how it deviates from
 * HJ 212. The password is kept only as a salted hash.
 *
 * @param units  factor code → the unit this device sends (HJ212 §3.3: devices differ; µg/m³, mg/m³)
 * @param limits factor code → the outlet's emission limit for converted hourly values, mg/m³
 * @param referenceO2 the reference O2 content (%) of the outlet's emission standard; null when not set
 */
public record Device(String mn, String name, DeviceKind kind, Hj212Packet.Version protocol, String st, String countyCode,
                     String stationCode, String boundTo, Set<Tolerance> tolerances, Map<String, String> units,
                     Map<String, BigDecimal> limits, BigDecimal referenceO2, Duration offlineAfter, boolean enabled) {
}
