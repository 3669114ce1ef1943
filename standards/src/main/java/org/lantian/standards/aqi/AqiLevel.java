package org.lantian.standards.aqi;

import org.lantian.standards.RuleSet;

/**
 * The six AQI levels with their categories, colours (HJ 633 Appendix A, Table A.1) and health
 * information (HJ 633-2012 Table 2; HJ 633-2026 words "青少年和儿童" and "心血管疾病" where 2012 had
 * "儿童" and "心脏病"). STANDARDS §1.7.
 */
public enum AqiLevel {
    I(0, 50, "一级", "优", "绿色", 0, 228, 0,
            "空气质量令人满意，基本无空气污染",
            "各类人群可正常活动"),
    II(51, 100, "二级", "良", "黄色", 255, 255, 0,
            "空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响",
            "极少数异常敏感人群应减少户外活动"),
    III(101, 150, "三级", "轻度污染", "橙色", 255, 126, 0,
            "易感人群症状有轻度加剧，健康人群出现刺激症状",
            "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"),
    IV(151, 200, "四级", "中度污染", "红色", 255, 0, 0,
            "进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响",
            "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动"),
    V(201, 300, "五级", "重度污染", "紫色", 153, 0, 76,
            "心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
            "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动"),
    VI(301, Integer.MAX_VALUE, "六级", "严重污染", "褐红色", 126, 0, 35,
            "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
            "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动");

    private final int lowest;
    private final int highest;
    private final String levelName;
    private final String category;
    private final String colourName;
    private final int red;
    private final int green;
    private final int blue;
    private final String healthEffect;
    private final String advice2012;

    AqiLevel(int lowest, int highest, String levelName, String category, String colourName, int red, int green,
             int blue, String healthEffect, String advice2012) {
        this.lowest = lowest;
        this.highest = highest;
        this.levelName = levelName;
        this.category = category;
        this.colourName = colourName;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.healthEffect = healthEffect;
        this.advice2012 = advice2012;
    }

    /** The level of an AQI value (0–500). */
    public static AqiLevel of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("negative AQI " + aqi);
        }
        for (AqiLevel level : values()) {
            if (aqi <= level.highest) {
                return level;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** 一级 … 六级. */
    public String levelName() {
        return levelName;
    }

    /** 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染. */
    public String category() {
        return category;
    }

    public String colourName() {
        return colourName;
    }

    /** The colour as {@code #RRGGBB}, e.g. {@code #00E400}. */
    public String colourHex() {
        return String.format("#%02X%02X%02X", red, green, blue);
    }

    public int lowest() {
        return lowest;
    }

    /** Highest AQI of the level; {@link Integer#MAX_VALUE} for level VI, which is open above. */
    public int highest() {
        return highest;
    }

    public String healthEffect(RuleSet rules) {
        return rules.is2026() ? healthEffect.replace("心脏病", "心血管疾病") : healthEffect;
    }

    public String advice(RuleSet rules) {
        return rules.is2026()
                ? advice2012.replace("儿童", "青少年和儿童").replace("心脏病", "心血管疾病")
                : advice2012;
    }
}
