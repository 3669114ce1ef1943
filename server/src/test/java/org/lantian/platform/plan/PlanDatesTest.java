package org.lantian.platform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PlanDatesTest {

    @Test
    void everyFormTheAnnexesUseReadsAsTheLastDayItAllows() {
        assertThat(PlanDates.parse("2023年11月15日", 2023)).isEqualTo(LocalDate.of(2023, 11, 15));
        assertThat(PlanDates.parse("2023 年 12 月", 2023)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(PlanDates.parse("2023年6月底前", 2023)).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(PlanDates.parse("2023年2月底", 2024)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(PlanDates.parse("2024年2月底", 2024)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PlanDates.parse("2023年7月1日起", 2023)).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(PlanDates.parse("全年", 2023)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(PlanDates.parse("2023-05-31", 2023)).isEqualTo(LocalDate.of(2023, 5, 31));
        assertThat(PlanDates.parse("", 2023)).isNull();
        assertThat(PlanDates.parse(null, 2023)).isNull();
        assertThatThrownBy(() -> PlanDates.parse("下个月", 2023)).hasMessageContaining("“下个月”不是可识别的时限");
        assertThatThrownBy(() -> PlanDates.parse("2023年13月", 2023)).hasMessageContaining("“2023年13月”不是有效日期");
        assertThatThrownBy(() -> PlanDates.parse("2023-02-30", 2023)).hasMessageContaining("不是有效日期");
    }
}
