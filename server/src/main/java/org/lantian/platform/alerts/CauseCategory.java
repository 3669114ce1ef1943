package org.lantian.platform.alerts;

/** What the owner found behind a high value, as reported with the disposal. */
public enum CauseCategory {
    INDUSTRY("工业企业排放"), DUST("施工及道路扬尘"), VEHICLES("机动车及非道路机械"), COAL("散煤燃烧"),
    BURNING("露天焚烧"), CATERING("餐饮油烟"), REGIONAL("区域传输或气象原因"), INSTRUMENT("仪器故障或运维"), OTHER("其他");

    private final String label;

    CauseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
