package org.lantian.platform.alerts;

/** What a rule watches. */
public enum RuleKind {
    STATION_VALUES("站点数值"), STATION_SILENT("站点断线"), DEVICE_OFFLINE("设备离线"),
    EMISSION_EXCEEDED("排放超标"), SUSPICIOUS_DATA("数据异常"),
    RECOMPUTE_FAILED("重算失败"), WHITELIST_RECHECK_DUE("白名单复核到期");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
