package org.lantian.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollutantTest {

    @ParameterizedTest
    @CsvSource({"PM2.5,PM2_5", "pm2_5,PM2_5", " PM10 ,PM10", "so2,SO2", "NO2,NO2", "CO,CO", "O3,O3"})
    void parsesCodesAndPublishedNames(String text, Pollutant expected) {
        assertThat(Pollutant.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"PM2.5_24h", "AQI", "O3_8h", "''", "PM25"})
    void refusesWhatIsNotOneOfTheSix(String text) {
        assertThat(Pollutant.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(Pollutant.parse(null)).isEmpty();
    }

    @Test
    void onlyCarbonMonoxideIsInMilligrams() {
        for (Pollutant p : Pollutant.values()) {
            assertThat(p.unit()).isEqualTo(p == Pollutant.CO
                    ? Pollutant.Unit.MILLIGRAMS_PER_CUBIC_METRE
                    : Pollutant.Unit.MICROGRAMS_PER_CUBIC_METRE);
        }
    }
}
