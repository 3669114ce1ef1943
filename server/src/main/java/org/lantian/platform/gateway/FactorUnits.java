package org.lantian.platform.gateway;


/**
 * The unit a device's value of a factor is in, as people read it: the unit registered for that device and
 * factor, else the one its kind of device reports in (HJ 75 and HJ 212: flue gas in mg/m³; ambient and dust
 * particles in µg/m³), else what the factor is (oxygen in %, noise in dB(A)). Null when unknown.
 */
final class FactorUnits {

    private FactorUnits() {
    }

    static String of(Device device, String factor) {
        String registered = device.units() == null ? null : device.units().get(factor);
        if (registered != null && !registered.isBlank()) {
            return registered.replace("ug", "µg").replace("m3", "m³");
        }
        String fixed = org.lantian.standards.hj212.Hj212Factor.of(factor).map(org.lantian.standards.hj212.Hj212Factor::fixedUnit).orElse(null);
        if (fixed != null) {
            return fixed;
        }
        if (device.kind() == DeviceKind.SUBMETER && factor.matches("e\\d{5}")) {
            return "kW";
        }
        if (!factor.startsWith("a2") && !factor.startsWith("a3")) {
            return null;
        }
        return switch (device.kind()) {
            case STACK, VOC -> "mg/m³";
            case AMBIENT, DUST, NOISE, SUBMETER -> factor.equals("a21005") ? "mg/m³" : "µg/m³";   // CO in mg/m³ (HJ 633)
        };
    }
}
