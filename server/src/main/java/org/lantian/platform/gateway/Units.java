package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Converts a device's value to the unit the standards use: µg/m³, CO in mg/m³. Devices send what they
 * are configured for (HJ212 §3.3: the standard's table prints ng/m³ for particles, devices send µg/m³ or
 * mg/m³), so the registry holds the unit per device and factor; none given means the standard unit.
 */
final class Units {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Units() {
    }

    /** Whether Lantian can convert from this unit (none given means the standard unit). */
    static boolean isKnown(String deviceUnit) {
        return deviceUnit == null || deviceUnit.isBlank() || switch (normalised(deviceUnit)) {
            case "mg/m3", "ug/m3", "ng/m3" -> true;
            default -> false;
        };
    }

    static BigDecimal toStandard(String pollutant, BigDecimal value, String deviceUnit) {
        if (deviceUnit == null || deviceUnit.isBlank()) {
            return value;
        }
        boolean co = pollutant.equals("CO");
        return switch (normalised(deviceUnit)) {
            case "mg/m3" -> co ? value : value.multiply(THOUSAND);
            case "ug/m3" -> co ? value.divide(THOUSAND) : value;
            case "ng/m3" -> co ? value.divide(THOUSAND).divide(THOUSAND) : value.divide(THOUSAND);
            default -> throw new IllegalArgumentException("unit " + deviceUnit + " of " + pollutant + " is not a concentration unit");
        };
    }

    private static String normalised(String unit) {
        return unit.toLowerCase(Locale.ROOT).replace("³", "3").replace("μ", "u").replace("µ", "u").replace(" ", "");
    }
}
