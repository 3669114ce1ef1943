package org.lantian.platform.enterprises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2026 framework's grade from its indicators (环办大气〔2026〕2号, STANDARDS §4.3): an industry's grade is
 * its weakest indicator's (短板原则); an enterprise spanning several key industries takes the lowest of its
 * industry grades; the selected grade (A+) is chosen from among those the indicators put at its base grade
 * (A), never given to an indicator.
 *
 * @param grades         the scheme's grades, best first
 * @param indicatorGrades the grades an indicator may carry
 * @param selectedGrade  the grade chosen rather than computed (A+), or null
 * @param selectedFrom   the computed grade it is chosen from (A)
 */
public record GradingRule(List<String> grades, List<String> indicatorGrades, String selectedGrade, String selectedFrom) {

    /** One indicator's grade within one grading industry (e.g. 钢铁 · 无组织排放 · B). */
    public record Indicator(String industry, String indicator, String grade) {
    }

    /** The grade found, each industry's grade, the indicators that set it, and why, in Chinese. */
    public record Result(String grade, Map<String, String> industryGrades, List<Indicator> weakest, String explanation) {
    }

    static final int MAX_INDICATORS = 200;

    Result apply(List<Indicator> indicators, boolean selected) {
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("indicators：请逐项填写指标等级（行业、指标、等级）");
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw new IllegalArgumentException("indicators：指标不超过 " + MAX_INDICATORS + " 项，收到 " + indicators.size() + " 项");
        }
        Map<String, Indicator> weakestOfIndustry = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator x = checked(i, indicators.get(i));
            if (!seen.add(x.industry() + "\u0000" + x.indicator())) {
                throw new IllegalArgumentException("indicators[" + i + "]：" + x.industry() + "·" + x.indicator() + " 重复");
            }
            weakestOfIndustry.merge(x.industry(), x, (a, b) -> rank(b.grade()) > rank(a.grade()) ? b : a);
        }
        Map<String, String> industryGrades = new LinkedHashMap<>();
        weakestOfIndustry.forEach((industry, x) -> industryGrades.put(industry, x.grade()));
        String computed = weakestOfIndustry.values().stream().map(Indicator::grade).max(java.util.Comparator.comparingInt(this::rank)).orElseThrow();
        List<Indicator> weakest = new ArrayList<>();
        for (Indicator x : indicators) {
            if (x.grade().strip().equals(computed)) {
                weakest.add(checked(0, x));
            }
        }
        String why = explanation(computed, industryGrades, weakest, indicators.size());
        if (!selected) {
            return new Result(computed, industryGrades, weakest, why);
        }
        if (selectedGrade == null) {
            throw new IllegalArgumentException("selected：本方案没有遴选等级");
        }
        if (!computed.equals(selectedFrom)) {
            throw new IllegalArgumentException("selected：" + selectedGrade + " 只能从 " + selectedFrom + " 级企业中遴选，按指标评定为 " + computed
                    + "（" + why + "）");
        }
        return new Result(selectedGrade, industryGrades, weakest, why + "；经遴选为 " + selectedGrade);
    }

    private Indicator checked(int i, Indicator x) {
        String industry = x.industry() == null ? "" : x.industry().strip();
        String indicator = x.indicator() == null ? "" : x.indicator().strip();
        String grade = x.grade() == null ? "" : x.grade().strip();
        if (industry.isEmpty() || industry.length() > 100 || indicator.isEmpty() || indicator.length() > 100) {
            throw new IllegalArgumentException("indicators[" + i + "]：行业和指标名称应为 1–100 字");
        }
        if (!indicatorGrades.contains(grade)) {
            throw new IllegalArgumentException("indicators[" + i + "]：" + industry + "·" + indicator + " 的等级“" + grade + "”应为 "
                    + String.join("、", indicatorGrades) + " 之一" + (grade.equals(selectedGrade) ? "（" + selectedGrade + " 为遴选等级，不用于单项指标）" : ""));
        }
        return new Indicator(industry, indicator, grade);
    }

    private int rank(String grade) {
        return grades.indexOf(grade);
    }

    private static String explanation(String computed, Map<String, String> industryGrades, List<Indicator> weakest, int count) {
        StringBuilder why = new StringBuilder("按 " + count + " 项指标评定为 " + computed + "：短板指标 ");
        why.append(String.join("、", weakest.stream().map(x -> x.industry() + "·" + x.indicator() + "（" + x.grade() + "）").toList()));
        if (industryGrades.size() > 1) {
            why.append("；跨行业取最低：").append(String.join("、", industryGrades.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        return why.toString();
    }
}
