package org.lantian.platform.geo;

/**
 * The coordinate systems locations arrive in. Chinese map tools show GCJ-02 (高德、腾讯) or BD-09 (百度);
 * GPS and the national station lists give WGS-84, which is what Lantian stores and its boundaries use.
 */
public enum Datum {
    WGS84("WGS-84（GPS）"),
    GCJ02("GCJ-02（高德、腾讯地图）"),
    BD09("BD-09（百度地图）");

    private final String label;

    Datum(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
