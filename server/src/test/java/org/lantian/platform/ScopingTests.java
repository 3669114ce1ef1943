package org.lantian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A county user (丛台区, 130403) tries to cross into another county's (邯山区, 130402) data by every
 * door the API has. 1049A is a national station in 邯山区; 1050A is one in 丛台区.
 */
class ScopingTests extends ApiTest {


    private Api congtai() {
        return as("congtai");
    }

    private static List<String> codes(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.get(field).isNull() ? null : n.get(field).asString()));
        return result;
    }

    @Test
    void aCachedAnswerForTheCityOfficeIsNeverServedToACounty() {
        for (int round = 0; round < 2; round++) { // the second round is answered from the cache
            JsonNode city = Api.json(as("city").get("/api/airquality/now"));
            assertThat(codes(city.get("counties"), "code")).hasSizeGreaterThan(1);
            JsonNode county = Api.json(congtai().get("/api/airquality/now"));
            assertThat(codes(county.get("counties"), "code")).containsOnly("130403");
            assertThat(congtai().get("/api/airquality/areas/130402/period?from=2026-01-01&to=2026-01-31").getStatusCode().value())
                    .isEqualTo(404);
            assertThat(as("hanshan").get("/api/airquality/areas/130402/period?from=2026-01-01&to=2026-01-31").getStatusCode().value())
                    .isEqualTo(200);
        }
    }

    @Test
    void seesOnlyItsOwnStations() {
        JsonNode stations = Api.json(congtai().get("/api/stations"));
        assertThat(codes(stations, "countyCode")).isNotEmpty().containsOnly("130403");
        assertThat(codes(stations, "code")).contains("1050A").doesNotContain("1049A");
    }

    @Test
    void cannotReadAnotherCountysStationSeriesOrHistory() {
        assertThat(congtai().get("/api/stations/1049A").getStatusCode().value()).isEqualTo(404);
        assertThat(congtai().get("/api/stations/1049A/history").getStatusCode().value()).isEqualTo(404);
        assertThat(congtai().get("/api/stations/1049A/series?pollutant=PM2_5").getStatusCode().value()).isEqualTo(404);
        assertThat(congtai().get("/api/stations/1050A/series?pollutant=PM2_5").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void cannotWriteAnotherCountysObservations() {
        JsonNode report = Api.json(congtai().post("/api/observations", """
                {"source":"county","observations":[
                  {"station":"1049A","pollutant":"PM2_5","periodEnd":"2024-07-01 01:00","value":"10"},
                  {"station":"1050A","pollutant":"PM2_5","periodEnd":"2024-07-01 01:00","value":"11"}]}"""));
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("1049A", "不在");
    }

    @Test
    void cannotImportIntoAnotherCountyThroughAFile() {
        String file = "date,hour,type,1049A,1050A\n20240702,1,PM2.5,10,11\n";
        JsonNode report = Api.json(congtai().upload("/api/imports/china-sites", "china_sites_20240702.csv", file.getBytes()));
        assertThat(report.get("inserted").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("1049A");
    }

    @Test
    void cannotSeeAnotherCountysImportsOrTheirErrors() {
        Api hanshan = as("hanshan");
        JsonNode theirs = Api.json(hanshan.post("/api/observations", """
                {"source":"hanshan","observations":[{"station":"1050A","pollutant":"PM2_5","periodEnd":"2024-07-03 01:00","value":"1"}]}"""));
        long batch = theirs.get("batchId").asLong();
        assertThat(theirs.get("rejected").asLong()).isEqualTo(1);

        assertThat(codes(Api.json(congtai().get("/api/imports?limit=500")), "countyCode")).containsOnly("130403");
        assertThat(congtai().get("/api/imports/" + batch + "/errors").getStatusCode().value()).isEqualTo(404);
        assertThat(hanshan.get("/api/imports/" + batch + "/errors").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void cannotSeeAnotherCountysAuditEntriesOrUsers() {
        as("hanshan").post("/api/observations", """
                {"source":"hanshan","observations":[{"station":"1049A","pollutant":"PM2_5","periodEnd":"2024-07-04 01:00","value":"1"}]}""");
        List<String> counties = codes(Api.json(congtai().get("/api/audit?limit=1000")), "countyCode");
        assertThat(counties).isNotEmpty().containsOnly("130403");
        assertThat(codes(Api.json(congtai().get("/api/users")), "countyCode")).containsOnly("130403");
    }

    @Test
    void cannotChangeTheRegistryOrCreateUsers() {
        String station = """
                {"code":"X1","name":"x","city":"邯郸","pollutants":["PM2_5"],"stationClass":"TOWNSHIP","countyCode":"130403",
                 "lon":114.5,"lat":36.6,"inCityAssessment":false}""";
        assertThat(congtai().post("/api/stations", station).getStatusCode().value()).isEqualTo(403);
        assertThat(congtai().post("/api/users", """
                {"username":"evil","displayName":"x","role":"CITY_OFFICE","password":"password123"}""")
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aViewerReadsCitywideButWritesNothing() {
        Api viewer = as("viewer");
        assertThat(codes(Api.json(viewer.get("/api/stations")), "code")).contains("1049A", "1050A");
        var response = viewer.post("/api/observations", """
                {"source":"viewer","observations":[{"station":"1050A","pollutant":"PM2_5","periodEnd":"2024-07-05 01:00","value":"1"}]}""");
        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void withoutAValidTokenNothingIsServed() {
        assertThat(new Api(port, "lt_not-a-token").get("/api/stations").getStatusCode().value()).isEqualTo(401);
    }
}
