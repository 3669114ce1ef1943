package org.lantian.standards.assessment;

import org.lantian.standards.Pollutant;
import org.lantian.standards.aqi.Indicator;

/** Which AQI indicator a pollutant's hourly value and daily statistic stand for. */
final class Indicators {

    private Indicators() {
    }

    /** Decimal places of a published concentration: 1 for CO, 0 otherwise (STANDARDS §2.5). */
    static int decimals(Pollutant p) {
        return p == Pollutant.CO ? 1 : 0;
    }

    static Indicator hourly(Pollutant p) {
        return switch (p) {
            case SO2 -> Indicator.SO2_1H;
            case NO2 -> Indicator.NO2_1H;
            case PM10 -> Indicator.PM10_1H;
            case CO -> Indicator.CO_1H;
            case O3 -> Indicator.O3_1H;
            case PM2_5 -> Indicator.PM2_5_1H;
        };
    }

    /** The daily indicator: the 24-hour mean, for O3 the daily maximum 8-hour mean. */
    static Indicator daily(Pollutant p) {
        return switch (p) {
            case SO2 -> Indicator.SO2_24H;
            case NO2 -> Indicator.NO2_24H;
            case PM10 -> Indicator.PM10_24H;
            case CO -> Indicator.CO_24H;
            case O3 -> Indicator.O3_8H;
            case PM2_5 -> Indicator.PM2_5_24H;
        };
    }
}
