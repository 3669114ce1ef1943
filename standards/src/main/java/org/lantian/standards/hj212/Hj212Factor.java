package org.lantian.standards.hj212;

import java.util.Map;
import java.util.Optional;

/**
 * The factor codes of HJ 212-2017 the platform shows to people (HJ212.md §3.3, Tables B.2 and B.3, and
 * a05024 for O3): the short name a chart or table uses, the full Chinese name a ticket's text uses, and the
 * unit of the factors that are not concentrations (a concentration's unit is the device's: §3.3 "Units").
 */
public record Hj212Factor(String code, String symbol, String chineseName, String fixedUnit) {

    private static final Map<String, Hj212Factor> TABLE = Map.ofEntries(
            f("a21026", "SO₂", "二氧化硫", null), f("a21002", "NOx", "氮氧化物", null), f("a21004", "NO₂", "二氧化氮", null),
            f("a21005", "CO", "一氧化碳", null), f("a34013", "颗粒物", "烟尘", null), f("a24088", "非甲烷总烃", "非甲烷总烃", null),
            f("a34001", "TSP", "总悬浮颗粒物", null), f("a34002", "PM10", "PM10", null), f("a34004", "PM2.5", "PM2.5", null),
            f("a05024", "O₃", "臭氧", null),
            f("a00000", "废气流量", "废气流量", "m³/s"), f("a19001", "O₂", "氧含量", "%"), f("a01011", "烟气流速", "烟气流速", "m/s"),
            f("a01012", "烟气温度", "烟气温度", "℃"), f("a01013", "烟气压力", "烟气压力", "kPa"), f("a01014", "烟气湿度", "烟气湿度", "%"),
            f("a01001", "温度", "温度", "℃"), f("a01002", "湿度", "湿度", "%"), f("a01006", "气压", "气压", "kPa"),
            f("a01007", "风速", "风速", "m/s"), f("a01008", "风向", "风向", "°"),
            f("LA", "噪声", "噪声", "dB(A)"), f("Leq", "噪声", "噪声", "dB(A)"), f("a50001", "噪声", "噪声", "dB(A)"));

    private static Map.Entry<String, Hj212Factor> f(String code, String symbol, String chineseName, String fixedUnit) {
        return Map.entry(code, new Hj212Factor(code, symbol, chineseName, fixedUnit));
    }

    public static Optional<Hj212Factor> of(String code) {
        return Optional.ofNullable(code).map(TABLE::get);
    }

    /** The short name, or the code itself when the table does not have it. */
    public static String symbolOf(String code) {
        return of(code).map(Hj212Factor::symbol).orElse(code);
    }

    /** The full Chinese name, or the code itself when the table does not have it. */
    public static String chineseNameOf(String code) {
        return of(code).map(Hj212Factor::chineseName).orElse(code);
    }
}
