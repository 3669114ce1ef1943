package org.lantian.platform.geo;

/**
 * Handan city or one of its 20 county-level units.
 *
 * @param code      the statistical division code, e.g. {@code 130403}
 * @param name      the full name, e.g. {@code 邯郸经济技术开发区}
 * @param shortName the name as the plan writes it, e.g. {@code 开发区}
 */
public record Division(String code, String name, String shortName, Kind kind, String parentCode,
                       boolean hasBoundary, int sortOrder) {

    public enum Kind {
        CITY, DISTRICT, COUNTY, COUNTY_LEVEL_CITY,
        /** 冀南新区 and 开发区: no boundary of their own; membership is assigned explicitly. */
        MANAGEMENT_ZONE
    }

    public boolean isCountyLevel() {
        return kind != Kind.CITY;
    }
}
