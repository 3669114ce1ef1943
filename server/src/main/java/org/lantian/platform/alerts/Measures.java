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
            // stack factors as the gateway's events name them (HJ212.md §3.3)
            case "a21026" -> "二氧化硫";
            case "a21002" -> "氮氧化物";
            case "a34013" -> "烟尘";
            case "a21005" -> "一氧化碳";
            case "a24088" -> "非甲烷总烃";
            default -> measure;
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
