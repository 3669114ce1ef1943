package org.lantian.platform.alerts;

import java.util.List;
import java.util.Set;

import org.lantian.platform.monitoring.StationClass;

/**
 * What a rule tests, as stored with each version.
 *
 * @param match          ALL: every condition must hold; ANY: one is enough (STATION_VALUES)
 * @param sustainHours   the conditions must hold in this many consecutive hours ending with the hour tested (1: that hour)
 * @param stationClasses the stations the rule watches (empty: all); WORST_N ranks among these
 * @param silentHours    STATION_SILENT: hours without any result after which a station counts as silent
 * @param effectHours    after a disposal is reported, this many hours are checked to tell whether it worked
 */
public record RuleDefinition(Match match, List<Condition> conditions, int sustainHours, Set<StationClass> stationClasses,
                             Integer silentHours, int effectHours) {

    public enum Match {
        ALL, ANY
    }

    public RuleDefinition {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        stationClasses = stationClasses == null ? Set.of() : Set.copyOf(stationClasses);
        match = match == null ? Match.ALL : match;
    }

    void check(RuleKind kind) {
        if (sustainHours < 1 || sustainHours > 24) {
            throw new IllegalArgumentException("definition.sustainHours：持续小时数应为 1–24");
        }
        if (effectHours < 1 || effectHours > 24) {
            throw new IllegalArgumentException("definition.effectHours：效果评估小时数应为 1–24");
        }
        if (kind == RuleKind.STATION_VALUES) {
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("definition.conditions：站点数值规则至少需要一个条件");
            }
            for (int i = 0; i < conditions.size(); i++) {
                conditions.get(i).check(i);
            }
        }
        if (kind == RuleKind.STATION_SILENT && (silentHours == null || silentHours < 1 || silentHours > 72)) {
            throw new IllegalArgumentException("definition.silentHours：无数据小时数应为 1–72");
        }
    }

    boolean watches(StationClass stationClass) {
        return stationClasses.isEmpty() || stationClasses.contains(stationClass);
    }
}
