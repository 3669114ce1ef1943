package org.lantian.platform.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A national-network file (published layout) for station 3579A over 48 hours of 2022-03-01/02: constant
 * concentrations whose real-time AQI is 107 (CN2012: PM2.5 80 on the 24-hour breakpoints) and whose
 * 24-hour PM2.5 mean is 80 once 20 hours exist. Two published values are deliberately off.
 */
class PublishedAgreementTests extends ApiTest {

    private static String file() {
        StringBuilder csv = new StringBuilder("date,hour,type,3579A\n");
        LocalDate first = LocalDate.of(2022, 3, 1);
        for (int n = 1; n <= 48; n++) {
            LocalDate date = first.plusDays(n / 24);
            String day = date.toString().replace("-", "");
            int hour = n % 24;
            String prefix = day + "," + hour + ",";
            csv.append(prefix).append("AQI,").append(n == 5 ? "108" : "107").append('\n');
            csv.append(prefix).append("PM2.5,80\n").append(prefix).append("PM10,100\n").append(prefix).append("SO2,10\n")
                    .append(prefix).append("NO2,40\n").append(prefix).append("CO,1.0\n").append(prefix).append("O3,60\n");
            if (n >= 20) {
                csv.append(prefix).append("PM2.5_24h,").append(n == 34 ? "81" : "80").append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void reportsHowOftenTheComputedFiguresEqualThePublishedOnes() {
        var imported = as("city").upload("/api/imports/china-sites", "china_sites_20220301.csv", file().getBytes(StandardCharsets.UTF_8));
        assertThat(Api.json(imported).get("rejected").asLong()).isZero();

        // from is inclusive: 2022-03-01 01:00 Beijing time is the first hour of the file
        JsonNode report = Api.json(as("city").get(
                "/api/airquality/stations/3579A/agreement?from=2022-02-28T17:00:00Z&to=2022-03-02T16:00:00Z"));
        JsonNode aqi = report.get("comparisons").get(0);
        assertThat(aqi.get("published").asString()).isEqualTo("AQI");
        assertThat(aqi.get("compared").asInt()).isEqualTo(48);
        assertThat(aqi.get("agreeing").asInt()).isEqualTo(47);
        // hour 5 has only five hours of PM for its 24-hour part: the published figure used hours the file lacks
        assertThat(aqi.get("inputsMissing").asInt()).isEqualTo(1);
        assertThat(aqi.get("different").asInt()).isZero();
        assertThat(aqi.get("completeAgreementPercent").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode pm25 = report.get("comparisons").get(1);
        assertThat(pm25.get("published").asString()).isEqualTo("PM2.5_24h");
        assertThat(pm25.get("compared").asInt()).isEqualTo(29);
        assertThat(pm25.get("agreeing").asInt()).isEqualTo(28);
        assertThat(pm25.get("different").asInt()).isEqualTo(1);
        assertThat(report.get("mismatchCount").asLong()).isEqualTo(2);
        assertThat(report.get("mismatches").get(0).get("computedValue").asInt()).isEqualTo(107);
        assertThat(report.get("mismatches").get(0).get("kind").asString()).isEqualTo("INPUTS_MISSING");
        assertThat(report.get("mismatches").get(1).get("kind").asString()).isEqualTo("DIFFERENT");

        JsonNode real = Api.json(as("city").get("/api/airquality/stations/3579A/agreement?from=2022-02-28T17:00:00Z"
                + "&to=2022-03-02T16:00:00Z&kind=DIFFERENT"));
        assertThat(real.get("mismatchCount").asLong()).isEqualTo(1);
        assertThat(real.get("mismatches").get(0).get("published").asString()).isEqualTo("PM2.5_24h");
        assertThat(real.get("mismatches").get(0).get("publishedValue").asInt()).isEqualTo(81);
        JsonNode secondPage = Api.json(as("city").get("/api/airquality/stations/3579A/agreement?from=2022-02-28T17:00:00Z"
                + "&to=2022-03-02T16:00:00Z&offset=1&limit=1"));
        assertThat(secondPage.get("mismatchCount").asLong()).isEqualTo(2);
        assertThat(secondPage.get("mismatches")).hasSize(1);
        assertThat(secondPage.get("mismatches").get(0).get("kind").asString()).isEqualTo("DIFFERENT");
        assertThat(as("city").get("/api/airquality/stations/3579A/agreement?from=2022-02-28T17:00:00Z"
                + "&to=2022-03-02T16:00:00Z&limit=5000").getStatusCode().value()).isEqualTo(400);

        assertThat(as("congtai").get("/api/airquality/stations/3579A/agreement?from=2022-02-28T16:00:00Z&to=2022-03-02T16:00:00Z")
                .getStatusCode().value()).isEqualTo(404);
    }
}
