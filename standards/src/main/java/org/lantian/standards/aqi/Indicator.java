package org.lantian.standards.aqi;

import org.lantian.standards.Pollutant;

/**
 * A pollutant over an averaging time, as the AQI tables index it (HJ 633 Table 1 / Table 3).
 * The {@code _1H} values of PM10 and PM2.5 are indexed on the 24-hour breakpoints (HJ 633-2026 §4.2.5,
 * and the national network's real-time practice before 2026).
 */
public enum Indicator {
    SO2_1H(Pollutant.SO2), SO2_24H(Pollutant.SO2),
    NO2_1H(Pollutant.NO2), NO2_24H(Pollutant.NO2),
    CO_1H(Pollutant.CO), CO_24H(Pollutant.CO),
    /** 1-hour O3; in a daily report, the day's maximum 1-hour value. */
    O3_1H(Pollutant.O3),
    /** 8-hour moving O3; in a daily report, the day's maximum 8-hour value (MDA8). */
    O3_8H(Pollutant.O3),
    PM10_1H(Pollutant.PM10), PM10_24H(Pollutant.PM10),
    PM2_5_1H(Pollutant.PM2_5), PM2_5_24H(Pollutant.PM2_5);

    private final Pollutant pollutant;

    Indicator(Pollutant pollutant) {
        this.pollutant = pollutant;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** Decimal places of the concentration the IAQI is computed from: 1 for CO (mg/m³), 0 otherwise (STANDARDS §1.4). */
    public int decimals() {
        return pollutant.decimals();
    }

    /** The 1-hour indicator of a pollutant (the real-time report's). */
    public static Indicator hourly(Pollutant p) {
        return switch (p) {
            case SO2 -> SO2_1H;
            case NO2 -> NO2_1H;
            case PM10 -> PM10_1H;
            case CO -> CO_1H;
            case O3 -> O3_1H;
            case PM2_5 -> PM2_5_1H;
        };
    }

    /** The daily indicator of a pollutant: its 24-hour mean, for O3 the daily maximum 8-hour mean. */
    public static Indicator daily(Pollutant p) {
        return switch (p) {
            case SO2 -> SO2_24H;
            case NO2 -> NO2_24H;
            case PM10 -> PM10_24H;
            case CO -> CO_24H;
            case O3 -> O3_8H;
            case PM2_5 -> PM2_5_24H;
        };
    }
}
