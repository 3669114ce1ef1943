package org.lantian.standards.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Back-calculation from a period target (以日控制目标倒推): given the days so far, what the rest of the
 * period must achieve, explained in words a county official uses.
 *
 * <p>A target counts as met when the exact period value is within it (no benefit is taken from the final
 * rounding), and days still to come are assumed valid. Control values are floored to whole µg/m³, so
 * keeping to them keeps the target.
 */
public final class TargetOutlook {

    private TargetOutlook() {
    }

    /**
     * @param meanSoFar          the mean of the valid days so far (null when there are none)
     * @param allowedRestMean    the highest mean the remaining days may have; negative when out of reach
     * @param evenControlValue   today's control value if the allowance is spread evenly over the remaining days
     * @param paceControlValue   today's control value if the days after today continue at the pace so far
     * @param reachable          whether the target can still be met
     * @param explanation        the result in plain Chinese
     */
    public record Pm25(BigDecimal target, int daysSoFar, int daysLeft, BigDecimal meanSoFar, BigDecimal allowedRestMean,
                       BigDecimal evenControlValue, BigDecimal paceControlValue, boolean reachable, String explanation) {
    }

    /**
     * @param target    the period's PM2.5 mean target, µg/m³
     * @param soFar     the valid daily means so far
     * @param daysLeft  days of the period still to come, today included (at least 1)
     */
    public static Pm25 pm25(BigDecimal target, List<BigDecimal> soFar, int daysLeft) {
        if (daysLeft < 1) {
            throw new IllegalArgumentException("daysLeft: the period is over; nothing is left to control");
        }
        int d = soFar.size();
        BigDecimal sum = soFar.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal budget = target.multiply(BigDecimal.valueOf(d + (long) daysLeft)).subtract(sum);
        BigDecimal allowed = budget.divide(BigDecimal.valueOf(daysLeft), 1, RoundingMode.FLOOR);
        BigDecimal even = budget.divide(BigDecimal.valueOf(daysLeft), 0, RoundingMode.FLOOR).max(BigDecimal.ZERO);
        BigDecimal meanSoFar = d == 0 ? null : sum.divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_EVEN);
        BigDecimal pace = d == 0 ? even : budget
                .subtract(sum.multiply(BigDecimal.valueOf(daysLeft - 1L)).divide(BigDecimal.valueOf(d), Mean.PRECISION))
                .setScale(0, RoundingMode.FLOOR).max(BigDecimal.ZERO);
        // a rest that must average below 1 µg/m³ is out of reach for any real air, not "control at 0"
        boolean reachable = budget.signum() >= 0 && even.signum() > 0;
        return new Pm25(target, d, daysLeft, meanSoFar, allowed, even, pace, reachable,
                explainPm25(target, d, daysLeft, meanSoFar, allowed, even, pace, reachable, sum));
    }

    private static String explainPm25(BigDecimal target, int d, int left, BigDecimal meanSoFar, BigDecimal allowed,
                                      BigDecimal even, BigDecimal pace, boolean reachable, BigDecimal sum) {
        String start = d == 0 ? "本期尚无有效监测日。" : "本期已有 " + d + " 个有效日，PM2.5 平均 " + meanSoFar.toPlainString() + " μg/m³。";
        if (!reachable && allowed.signum() < 0) {
            BigDecimal best = sum.divide(BigDecimal.valueOf(d + (long) left), 1, RoundingMode.HALF_EVEN);
            return start + "即使剩余 " + left + " 天 PM2.5 均为 0，全期平均也将达到 " + best.toPlainString()
                    + " μg/m³，高于目标 " + target.toPlainString() + " μg/m³，目标已无法实现。";
        }
        if (!reachable) {
            return start + "要实现全期平均不超过 " + target.toPlainString() + " μg/m³，剩余 " + left
                    + " 天的日均值平均须低于 1 μg/m³，目标已无法实现。";
        }
        return start + "要实现全期平均不超过 " + target.toPlainString() + " μg/m³，剩余 " + left + " 天的日均值平均不能超过 "
                + allowed.toPlainString() + " μg/m³。今天的控制值为 " + even.toPlainString() + " μg/m³"
                + (d == 0 ? "。" : pace.signum() > 0 ? "；若此后各天保持此前的平均水平，今天不能超过 " + pace.toPlainString() + " μg/m³。"
                : "；若此后各天保持此前的平均水平，目标将无法实现，此后各天须低于此前的平均水平。");
    }

    /**
     * A composite-index target turned into a PM2.5 target: if the other five pollutants keep the statistics
     * they have so far, the period's PM2.5 mean may reach (target − their single indices) × S(PM2.5), and
     * the rest of the period is then controlled as for a PM2.5 target.
     *
     * @param soFar      the period's statistics so far (all six pollutants)
     * @param pm25SoFar  the valid daily PM2.5 values so far
     */
    public record IndexTarget(BigDecimal targetIndex, BigDecimal otherIndices, BigDecimal pm25Allowance, Pm25 pm25,
                              boolean reachable, String explanation) {
    }

    public static IndexTarget compositeIndex(BigDecimal targetIndex, PeriodSummary soFar, CompositeIndex.Definition definition,
                                             List<BigDecimal> pm25SoFar, int daysLeft) {
        CompositeIndex.Result now = soFar.compositeIndex(definition, CompositeIndex.Rounding.SUM_ONCE)
                .orElseThrow(() -> new IllegalArgumentException("soFar: the composite index needs all six pollutants"));
        BigDecimal others = now.exactTotal().subtract(now.singleIndices().get(org.lantian.standards.Pollutant.PM2_5));
        BigDecimal weight = definition.weights().getOrDefault(org.lantian.standards.Pollutant.PM2_5, BigDecimal.ONE);
        BigDecimal allowance = targetIndex.subtract(others)
                .multiply(definition.denominators().get(org.lantian.standards.Pollutant.PM2_5))
                .divide(weight, 1, RoundingMode.FLOOR);
        Pm25 pm25 = pm25(allowance.max(BigDecimal.ZERO), pm25SoFar, daysLeft);
        String start = "综合指数目标 " + targetIndex.toPlainString() + "：其余五项污染物按目前水平计，单项指数合计 "
                + others.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        if (allowance.compareTo(BigDecimal.ONE) < 0) {
            return new IndexTarget(targetIndex, others, allowance, pm25, false, start
                    + "，已用尽目标，PM2.5 全期均值须低于 1 μg/m³，目标已无法实现；需同时降低其他污染物。");
        }
        return new IndexTarget(targetIndex, others, allowance, pm25, pm25.reachable(), start + "，留给 PM2.5 的全期均值上限为 "
                + allowance.toPlainString() + " μg/m³。" + pm25.explanation());
    }

    /** Good days still needed for a good-day ratio target. */
    public record GoodDays(BigDecimal targetPercent, int required, int goodSoFar, int needed, int daysLeft,
                           boolean reachable, String explanation) {
    }

    /**
     * The days of the period are those counted so far plus those to come (assumed valid), the same basis
     * as the good-day ratio so far: a day that did not count (ValidDay) is in neither.
     *
     * @param targetPercent the good-day ratio target in percent, e.g. 70.0
     * @param validSoFar    days counted so far (ValidDay)
     */
    public static GoodDays goodDays(BigDecimal targetPercent, int validSoFar, int goodSoFar, int daysLeft) {
        int periodDays = validSoFar + daysLeft;
        int required = targetPercent.multiply(BigDecimal.valueOf(periodDays))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        int needed = Math.max(0, required - goodSoFar);
        boolean reachable = needed <= daysLeft;
        String explanation = "已计入 " + validSoFar + " 个有效天，连同剩余 " + daysLeft + " 天共 " + periodDays + " 天，实现优良天数比例 " + targetPercent.toPlainString() + "% 需要至少 "
                + required + " 个优良天；已有 " + goodSoFar + " 个，"
                + (needed == 0 ? "目标已经实现。"
                : reachable ? "剩余 " + daysLeft + " 天中还需 " + needed + " 个优良天，最多可有 " + (daysLeft - needed) + " 个超标天。"
                : "还需 " + needed + " 个优良天，但只剩 " + daysLeft + " 天，目标已无法实现。");
        return new GoodDays(targetPercent, required, goodSoFar, needed, daysLeft, reachable, explanation);
    }

    /** Heavy-pollution days left under a cap. */
    public record HeavyDays(int cap, int heavySoFar, int left, boolean exceeded, String explanation) {
    }

    public static HeavyDays heavyDays(int cap, int heavySoFar) {
        int left = cap - heavySoFar;
        String explanation = "重污染天数控制在 " + cap + " 天以内：已有 " + heavySoFar + " 天，"
                + (left >= 0 ? "还余 " + left + " 天。" : "已超出 " + (-left) + " 天。");
        return new HeavyDays(cap, heavySoFar, Math.max(left, 0), left < 0, explanation);
    }
}
