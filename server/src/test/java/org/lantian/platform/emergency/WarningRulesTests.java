package org.lantian.platform.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every level rule of STANDARDS §4.1 (2018–2023) and §4.2 (from 2024), as stored, at its edges: 47 h against 48 h, 200 against 201. */
@PlatformTest
class WarningRulesTests {

    @Autowired
    WarningRules rules;

    static final Instant T0 = Instant.parse("2026-12-09T16:00:00Z");   // 00:00 Beijing time

    /** Back-to-back periods from T0: hours, AQI (upper end), hours, AQI, … */
    static List<ForecastPeriod> run(int... hoursAndAqi) {
        List<ForecastPeriod> periods = new ArrayList<>();
        Instant at = T0;
        for (int i = 0; i < hoursAndAqi.length; i += 2) {
            Instant end = at.plus(Duration.ofHours(hoursAndAqi[i]));
            periods.add(new ForecastPeriod(at, end, Math.max(0, hoursAndAqi[i + 1] - 30), hoursAndAqi[i + 1], "PM2.5"));
            at = end;
        }
        return periods;
    }

    WarningLevel level2018(int... hoursAndAqi) {
        return rules.of("RULES2018").propose(run(hoursAndAqi)).level();
    }

    WarningLevel level2024(int... hoursAndAqi) {
        return rules.of("RULES2024").propose(run(hoursAndAqi)).level();
    }

    @Test
    void theVersionIsChosenByDate() {
        assertThat(rules.on(LocalDate.of(2023, 12, 31)).code()).isEqualTo("RULES2018");
        assertThat(rules.on(LocalDate.of(2024, 1, 1)).code()).isEqualTo("RULES2024");
        assertThat(rules.on(LocalDate.of(2026, 12, 2)).code()).isEqualTo("RULES2024");
    }

    @Test
    void rules2018Yellow() {
        assertThat(level2018(24, 201, 24, 201)).isEqualTo(WarningLevel.YELLOW);
        assertThat(level2018(24, 201, 23, 201)).as("47 h").isNull();
        assertThat(level2018(24, 200, 24, 200)).as("200 is not above 200").isNull();
        assertThat(level2018(24, 201, 24, 150, 24, 201)).as("not back to back").isNull();
    }

    @Test
    void rules2018Orange() {
        assertThat(level2018(24, 201, 24, 301, 24, 201)).isEqualTo(WarningLevel.ORANGE);
        assertThat(level2018(24, 201, 23, 301, 25, 201)).as("above 300 for 23 h").isEqualTo(WarningLevel.YELLOW);
        assertThat(level2018(24, 201, 24, 300, 24, 201)).as("300 is not above 300").isEqualTo(WarningLevel.YELLOW);
        assertThat(level2018(24, 201, 24, 301, 23, 201)).as("71 h").isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void rules2018Red() {
        assertThat(level2018(24, 201, 24, 301, 24, 301, 24, 201)).isEqualTo(WarningLevel.RED);
        assertThat(level2018(24, 201, 24, 301, 23, 301, 25, 201)).as("above 300 for 47 h").isEqualTo(WarningLevel.ORANGE);
        assertThat(level2018(24, 201, 24, 301, 24, 301, 23, 201)).as("95 h").isEqualTo(WarningLevel.ORANGE);
        assertThat(level2018(24, 500)).as("a day reaching 500").isEqualTo(WarningLevel.RED);
        assertThat(level2018(24, 499)).isNull();
        assertThat(level2018(23, 500)).as("500 for 23 h").isNull();
    }

    @Test
    void rules2024Yellow() {
        assertThat(level2024(24, 201)).as("one forecast day above 200").isEqualTo(WarningLevel.YELLOW);
        assertThat(level2024(23, 201)).isNull();
        assertThat(level2024(24, 200)).isNull();
        assertThat(level2024(24, 151, 24, 151)).as("above 150 for 48 h").isEqualTo(WarningLevel.YELLOW);
        assertThat(level2024(24, 151, 23, 151)).as("47 h").isNull();
        assertThat(level2024(24, 150, 24, 150)).isNull();
    }

    @Test
    void rules2024Orange() {
        assertThat(level2024(24, 201, 24, 201)).isEqualTo(WarningLevel.ORANGE);
        assertThat(level2024(24, 201, 23, 201)).as("47 h above 200").isEqualTo(WarningLevel.YELLOW);
        assertThat(level2024(24, 151, 24, 151, 24, 151)).as("above 150 for 72 h").isEqualTo(WarningLevel.ORANGE);
        assertThat(level2024(24, 151, 24, 151, 23, 151)).as("71 h").isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void rules2024Red() {
        assertThat(level2024(24, 201, 24, 301, 24, 201)).isEqualTo(WarningLevel.RED);
        assertThat(level2024(24, 201, 23, 301, 25, 201)).as("above 300 for 23 h").isEqualTo(WarningLevel.ORANGE);
        assertThat(level2024(24, 201, 24, 301, 23, 201)).as("71 h above 200").isEqualTo(WarningLevel.ORANGE);
    }

    @Test
    void theProposalSaysWhyInChinese() {
        var red = rules.of("RULES2024").propose(run(24, 201, 24, 301, 24, 201));
        assertThat(red.explanation()).isEqualTo("按2024 年起预警分级标准：预计 AQI > 200 持续 72 小时（12月10日00时 至 12月13日00时，需 ≥ 72 小时），"
                + "且 AQI > 300 持续 24 小时（12月11日00时 至 12月12日00时，需 ≥ 24 小时），建议发布红色预警（Ⅰ级响应）（按预报 AQI 上限）");
        var none = rules.of("RULES2024").propose(run(24, 180, 23, 160));
        assertThat(none.explanation()).isEqualTo("按2024 年起预警分级标准：未达预警条件，AQI > 200 最长持续 0 小时（需 ≥ 24 小时）；"
                + "AQI > 150 最长持续 47 小时（需 ≥ 48 小时）");
        assertThat(rules.of("RULES2024").reductionShares()).containsEntry(WarningLevel.RED, 30);
    }
}
