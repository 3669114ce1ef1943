package org.lantian.platform.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The 2026 framework's rules: the weakest indicator sets an industry's grade, the lowest industry the enterprise's, A+ only from A. */
class GradingRuleTest {

    static final GradingRule FRAMEWORK2026 = new GradingRule(List.of("A+", "A", "B", "C", "D"), List.of("A", "B", "C", "D"), "A+", "A");

    static GradingRule.Indicator i(String industry, String indicator, String grade) {
        return new GradingRule.Indicator(industry, indicator, grade);
    }

    @Test
    void anIndustrysGradeIsItsWeakestIndicator() {
        var result = FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A"), i("钢铁", "有组织排放", "A"), i("钢铁", "无组织排放", "C"),
                i("钢铁", "运输方式", "B")), false);
        assertThat(result.grade()).isEqualTo("C");
        assertThat(result.weakest()).containsExactly(i("钢铁", "无组织排放", "C"));
        assertThat(result.explanation()).isEqualTo("按 4 项指标评定为 C：短板指标 钢铁·无组织排放（C）");
    }

    @Test
    void anEnterpriseInSeveralIndustriesTakesItsLowestIndustryGrade() {
        var result = FRAMEWORK2026.apply(List.of(i("钢铁", "有组织排放", "A"), i("钢铁", "运输方式", "A"), i("焦化", "有组织排放", "B"),
                i("焦化", "监测监控", "A"), i("石灰窑", "有组织排放", "A")), false);
        assertThat(result.grade()).isEqualTo("B");
        assertThat(result.industryGrades()).containsExactly(java.util.Map.entry("钢铁", "A"), java.util.Map.entry("焦化", "B"),
                java.util.Map.entry("石灰窑", "A"));
        assertThat(result.explanation()).endsWith("跨行业取最低：钢铁 A、焦化 B、石灰窑 A");
    }

    @Test
    void aPlusIsSelectedOnlyWhereEveryIndicatorIsA() {
        assertThat(FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A"), i("钢铁", "有组织排放", "A")), true).grade()).isEqualTo("A+");
        assertThat(FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A"), i("钢铁", "有组织排放", "A")), false).grade()).isEqualTo("A");
        assertThatThrownBy(() -> FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A"), i("钢铁", "有组织排放", "B")), true))
                .hasMessageStartingWith("selected：A+ 只能从 A 级企业中遴选，按指标评定为 B");
    }

    @Test
    void anIndicatorCannotCarryTheSelectedGradeOrAnUnknownOneOrRepeat() {
        assertThatThrownBy(() -> FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A+")), false))
                .hasMessageContaining("indicators[0]").hasMessageContaining("A+ 为遴选等级");
        assertThatThrownBy(() -> FRAMEWORK2026.apply(List.of(i("钢铁", "装备水平", "A"), i("钢铁", "装备水平", "B")), false))
                .hasMessage("indicators[1]：钢铁·装备水平 重复");
        assertThatThrownBy(() -> FRAMEWORK2026.apply(List.of(i("钢铁", "", "B")), false)).hasMessageStartingWith("indicators[0]：行业和指标名称");
        assertThatThrownBy(() -> FRAMEWORK2026.apply(List.of(), false)).hasMessageStartingWith("indicators：");
        assertThatThrownBy(() -> FRAMEWORK2026.apply(java.util.Collections.nCopies(201, i("钢铁", "x", "A")), false))
                .hasMessageStartingWith("indicators：指标不超过 200 项");
    }
}
