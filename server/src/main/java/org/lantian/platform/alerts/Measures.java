package org.lantian.platform.alerts;

import java.math.BigDecimal;
import java.util.Optional;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.standards.Pollutant;

/** What a condition can measure: the hour's AQI or one pollutant's concentration. */
final class Measures {

    static final String AQI = "AQI";

    private Measures() {
    }

    static boolean isKnown(String measure) {
        if (AQI.equals(measure)) {
            return true;
        }
        try {
            Pollutant.valueOf(measure);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Optional<BigDecimal> of(AirQualityNow.HourAqi hour, String measure) {
        if (AQI.equals(measure)) {
            return Optional.ofNullable(hour.aqi()).map(BigDecimal::valueOf);
        }
        return Optional.ofNullable(hour.concentrations().get(Pollutant.valueOf(measure)));
    }

    static String label(String measure) {
        return switch (measure) {
            case AQI -> "AQI";
            case "PM2_5" -> "PM2.5";
            case "O3" -> "O₃";
            case "SO2" -> "SO₂";
            case "NO2" -> "NO₂";
            // device factors as the gateway's events name them
            default -> org.lantian.standards.hj212.Hj212Factor.chineseNameOf(measure);
        };
    }

    static String unit(String measure) {
        return switch (measure) {
            case AQI -> "";
            case "CO" -> " mg/m³";
            default -> " µg/m³";
        };
    }
}
