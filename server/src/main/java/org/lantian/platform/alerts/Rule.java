package org.lantian.platform.alerts;

import java.time.Instant;
import java.util.stream.Collectors;

/** One version of a detection rule; tickets name the version that raised them. */
public record Rule(long id, String code, int version, String name, RuleKind kind, RuleDefinition definition,
                   int receiptMinutes, int disposalMinutes, String department, boolean enabled, Instant createdAt,
                   String createdBy, Instant retiredAt) {

    /** The rule's test in Chinese. */
    public String describe() {
        return switch (kind) {
            case STATION_VALUES -> definition.conditions().stream().map(Condition::describe)
                    .collect(Collectors.joining(definition.match() == RuleDefinition.Match.ALL ? " 且 " : " 或 "))
                    + (definition.sustainHours() > 1 ? "，持续 " + definition.sustainHours() + " 小时" : "");
            case STATION_SILENT -> "站点 " + definition.silentHours() + " 小时无数据";
            case DEVICE_OFFLINE -> "在线监测设备离线";
            case EMISSION_EXCEEDED -> "排口小时折算浓度超过排放限值";
            case SUSPICIOUS_DATA -> "在线监测数据疑似异常（恒值、贴限、骤降、折算不符）";
            case RECOMPUTE_FAILED -> "站点或区域的空气质量结果重算失败（其他站点的结果照常更新）";
            case WHITELIST_RECHECK_DUE -> "监管白名单企业的监督复核到期";
        };
    }
}
