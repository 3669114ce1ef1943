package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The present hour as the overview and the public page show it. */
class AirQualityNowTests extends ApiTest {

    static final String CHENG_AN = "130424";

    @Autowired
    ResultsGeneration generation;

    @Test
    void aCountyWhoseStationsAllSentNothingThatHourIsStillListedAsNotAvailable() {
        Instant hour = jdbc.sql("SELECT max(hour_end) FROM airquality_area_hour WHERE area_code = '130400'").query(Timestamp.class).single()
                .toInstant();
        // its row taken out of sight, as when no station of the county had a value that hour
        jdbc.sql("UPDATE airquality_area_hour SET area_code = 'hidden-' || area_code WHERE area_code = ? AND hour_end = ?")
                .params(CHENG_AN, Timestamp.from(hour)).update();
        generation.advanceAfterCommit();
        try {
            JsonNode now = Api.json(as("city").get("/api/airquality/now"));

            List<JsonNode> counties = new ArrayList<>();
            now.get("counties").forEach(counties::add);
            assertThat(counties).hasSize(20);
            JsonNode chengAn = counties.stream().filter(c -> c.get("code").asString().equals(CHENG_AN)).findFirst().orElseThrow();
            assertThat(chengAn.get("name").asString()).isEqualTo("成安县");
            assertThat(chengAn.get("aqi").isNull()).isTrue();
            assertThat(counties.subList(counties.indexOf(chengAn), 20)).as("after every county with a value")
                    .allSatisfy(c -> assertThat(c.get("aqi").isNull()).isTrue());
        } finally {
            jdbc.sql("UPDATE airquality_area_hour SET area_code = ? WHERE area_code = 'hidden-' || ? AND hour_end = ?")
                    .params(CHENG_AN, CHENG_AN, Timestamp.from(hour)).update();
            generation.advanceAfterCommit();
        }
    }
}
