package org.lantian.platform.gateway;

import java.util.Map;

/**
 * The unit a device's value of a factor is in, as people read it: the unit registered for that device and
 * factor, else the one its kind of device reports in (HJ 75 and HJ 212: flue gas in mg/m³; ambient and dust
 * particles in µg/m³), else what the factor is (oxygen in %, noise in dB(A)). Null when unknown.
 */
final class FactorUnits {

    private static final Map<String, String> BY_FACTOR = Map.ofEntries(
            Map.entry("a19001", "%"), Map.entry("a01001", "℃"), Map.entry("a01002", "%"), Map.entry("a01006", "kPa"),
            Map.entry("a01007", "m/s"), Map.entry("a01008", "°"), Map.entry("a01011", "m/s"), Map.entry("a01012", "℃"),
            Map.entry("a01013", "kPa"), Map.entry("a01014", "%"), Map.entry("a00000", "m³/s"),
            Map.entry("LA", "dB(A)"), Map.entry("Leq", "dB(A)"), Map.entry("a50001", "dB(A)"));

    private FactorUnits() {
    }

    static String of(Device device, String factor) {
        String registered = device.units() == null ? null : device.units().get(factor);
        if (registered != null && !registered.isBlank()) {
            return registered.replace("ug", "µg").replace("m3", "m³");
        }
        String fixed = BY_FACTOR.get(factor);
        if (fixed != null) {
            return fixed;
        }
        if (!factor.startsWith("a2") && !factor.startsWith("a3")) {
            return null;
        }
        return switch (device.kind()) {
            case STACK, VOC -> "mg/m³";
            case AMBIENT, DUST, NOISE -> factor.equals("a21005") ? "mg/m³" : "µg/m³";   // CO in mg/m³ (HJ 633)
        };
    }
}
