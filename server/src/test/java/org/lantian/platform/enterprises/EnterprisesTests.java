package org.lantian.platform.enterprises;

import org.lantian.standards.CreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.geo.DatumConversion;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The register through the REST API: codes, positions, county and enterprise scope, grades and lists with history. */
@PlatformTest
public class EnterprisesTests extends ApiTest {

    @Autowired
    Divisions divisions;

    /** A valid credit code of a Handan-registered enterprise, different for each {@code n}. */
    public static String code(int n) {
        String first17 = "91130481" + String.format("%09d", n);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String body(String code, String name, String extra) {
        return """
                {"enterprise": {"creditCode": "%s", "name": "%s", "industryCode": "3110", "industryName": "炼铁",
                 "gradingIndustry": "钢铁", "cluster": "武安钢铁"%s}, "reason": "测试"}""".formatted(code, name, extra);
    }

    private String registerInWuan(String code, String name) {
        LonLat inWuan = divisions.interiorPoint("130481").orElseThrow();
        LonLat gcj = DatumConversion.wgs84ToGcj02(inWuan.lon(), inWuan.lat());
        var created = as("city").post("/api/enterprises", body(code, name,
                ", \"lon\": %.8f, \"lat\": %.8f, \"datum\": \"GCJ02\"".formatted(gcj.lon(), gcj.lat())));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyDemoEnterpriseHasLinesOutletsAndLastYearsBaselinesOverTheTwentyUnits() {
        String counts = "SELECT count(*), count(DISTINCT county_code), "
                + "count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM enterprise_line l WHERE l.credit_code = e.credit_code AND l.kind = 'PRODUCTION')), "
                + "count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM enterprise_outlet o WHERE o.credit_code = e.credit_code)), "
                + "count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM enterprise_baseline b WHERE b.credit_code = e.credit_code AND b.line_id IS NOT NULL)) "
                + "FROM enterprise e WHERE demo";
        var row = jdbc.sql(counts).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        assertThat(row).containsExactly(3906, 20, 0, 0, 0);
        var stack = Api.json(as("city").get("/api/enterprises?q=河北邯郸热电股份有限公司"));
        String thermal = stack.get("items").get(0).get("creditCode").asString();
        assertThat(Api.json(as("city").get("/api/enterprises/" + thermal + "/outlets")).get(0).get("outlet").get("deviceMn").asString()).isEqualTo("DEMO-STACK-01");
    }

    @Test
    void underThe2026FrameworkTheGradeIsComputedFromTheIndicatorsAndKeptWithThem() {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE county_code = '130481' AND demo ORDER BY credit_code OFFSET 400 LIMIT 1")
                .query(String.class).single();
        var assessed = as("wuan").post("/api/enterprises/" + code + "/grades/assessments", """
                {"scheme": "FRAMEWORK2026", "validFrom": "2033-01-01", "selected": false, "evidence": "2032 年度评级",
                 "indicators": [{"industry": "钢铁", "indicator": "有组织排放", "grade": "A"},
                                {"industry": "钢铁", "indicator": "无组织排放", "grade": "B"},
                                {"industry": "石灰窑", "indicator": "有组织排放", "grade": "C"}]}""");
        assertThat(assessed.getStatusCode().value()).as(assessed.getBody()).isEqualTo(201);
        JsonNode result = Api.json(assessed);
        assertThat(result.get("grade").get("grade").asString()).isEqualTo("C");
        assertThat(result.get("grade").get("evidence").asString())
                .isEqualTo("按 3 项指标评定为 C：短板指标 石灰窑·有组织排放（C）；跨行业取最低：钢铁 B、石灰窑 C。依据：2032 年度评级");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_grade_indicator i JOIN enterprise_grade g ON g.id = i.grade_id WHERE g.credit_code = ?")
                .param(code).query(Integer.class).single()).isEqualTo(3);
        JsonNode current = Api.json(as("wuan").get("/api/enterprises/" + code));
        assertThat(current.get("grade").asString()).isEqualTo("C");

        var aPlus = as("wuan").post("/api/enterprises/" + code + "/grades/assessments", """
                {"scheme": "FRAMEWORK2026", "validFrom": "2034-01-01", "selected": true,
                 "indicators": [{"industry": "钢铁", "indicator": "有组织排放", "grade": "A"}, {"industry": "钢铁", "indicator": "运输方式", "grade": "B"}]}""");
        assertThat(aPlus.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(aPlus).get("detail").asString()).startsWith("selected：A+ 只能从 A 级企业中遴选");
        var guide = as("wuan").post("/api/enterprises/" + code + "/grades/assessments", """
                {"scheme": "GUIDE2020", "validFrom": "2034-01-01", "indicators": [{"industry": "钢铁", "indicator": "x", "grade": "A"}]}""");
        assertThat(Api.json(guide).get("detail").asString()).startsWith("scheme：GUIDE2020 的等级按评定结果直接记录");
        assertThat(as("hanshan").post("/api/enterprises/" + code + "/grades/assessments", """
                {"scheme": "FRAMEWORK2026", "validFrom": "2034-01-01", "indicators": [{"industry": "钢铁", "indicator": "x", "grade": "A"}]}""")
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aGcj02PositionIsStoredAsWgs84AndPlacesTheEnterpriseInItsCounty() {
        JsonNode e = Api.json(org.springframework.http.ResponseEntity.ok(registerInWuan(code(1), "武安测试钢铁有限公司")));
        LonLat inWuan = divisions.interiorPoint("130481").orElseThrow();
        assertThat(e.get("countyCode").asString()).isEqualTo("130481");
        assertThat(e.get("countySetByHand").asBoolean()).isFalse();
        assertThat(e.get("enteredDatum").asString()).isEqualTo("GCJ02");
        assertThat(e.get("lon").asDouble()).isCloseTo(inWuan.lon(), within(2e-6));
        assertThat(e.get("lat").asDouble()).isCloseTo(inWuan.lat(), within(2e-6));
        assertThat(e.get("status").asString()).isEqualTo("OPERATING");
    }

    @Test
    void aWrongCheckCharacterOrIndustryCodeIsNamed() {
        String wrong = code(2).substring(0, 17) + (code(2).endsWith("0") ? "1" : "0");
        var refused = as("city").post("/api/enterprises", body(wrong, "错码企业", ", \"countyCode\": \"130481\""));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(refused).get("detail").asString()).contains("校验码应为");
        var badIndustry = as("city").post("/api/enterprises", body(code(3), "行业码错", ", \"countyCode\": \"130481\"")
                .replace("\"3110\"", "\"C31X\""));
        assertThat(Api.json(badIndustry).get("detail").asString()).contains("industryCode", "GB/T 4754");
    }

    @Test
    void aCountySeesAndChangesOnlyItsOwnCountysEnterprises() {
        String code = code(10);
        registerInWuan(code, "武安范围测试有限公司");
        assertThat(as("wuan").get("/api/enterprises/" + code).getStatusCode().value()).isEqualTo(200);
        assertThat(as("wuan").put("/api/enterprises/" + code, body(code, "武安范围测试有限公司（更名）", ", \"countyCode\": \"130481\""))
                .getStatusCode().value()).isEqualTo(200);

        assertThat(as("hanshan").get("/api/enterprises/" + code).getStatusCode().value()).isEqualTo(404);
        assertThat(as("hanshan").put("/api/enterprises/" + code, body(code, "改名", ", \"countyCode\": \"130402\""))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as("hanshan").get("/api/enterprises?q=" + code).getBody()).doesNotContain(code);
        var intoAnother = as("hanshan").post("/api/enterprises", body(code(11), "跨县登记", ", \"countyCode\": \"130481\""));
        assertThat(intoAnother.getStatusCode().value()).isEqualTo(403);
        assertThat(as("viewer").put("/api/enterprises/" + code, body(code, "只读改名", ", \"countyCode\": \"130481\""))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE credit_code = ?").param(code).query(String.class).single())
                .isEqualTo("武安范围测试有限公司（更名）");
    }

    @Test
    void anEnterpriseUserSeesOnlyItsOwnFileAndChangesNothing() {
        String own = code(20);
        String neighbour = code(21);
        registerInWuan(own, "自家企业有限公司");
        registerInWuan(neighbour, "邻家企业有限公司");
        var created = as("city").post("/api/users", """
                {"username": "ent-own", "displayName": "自家企业", "role": "ENTERPRISE", "countyCode": "130481",
                 "enterpriseCode": "%s", "password": "Lan-Tian-2026!", "reason": "测试"}""".formatted(own));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

        Api enterprise = as("ent-own");
        assertThat(enterprise.get("/api/enterprises/" + own).getStatusCode().value()).isEqualTo(200);
        assertThat(enterprise.get("/api/enterprises/" + neighbour).getStatusCode().value()).isEqualTo(404);
        JsonNode list = Api.json(enterprise.get("/api/enterprises?county=130481"));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("creditCode").asString()).isEqualTo(own);
        assertThat(enterprise.put("/api/enterprises/" + own, body(own, "自改名称", ", \"countyCode\": \"130481\""))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void gradesKeepTheirHistoryAndTheYearsUpgradesAreCountedFromIt() {
        String upgraded = code(30);
        String newlyB = code(31);
        registerInWuan(upgraded, "创A测试钢铁有限公司");
        registerInWuan(newlyB, "晋B测试钢铁有限公司");
        Api city = as("city");
        JsonNode before = Api.json(city.get("/api/enterprises/grading-progress?year=2023")).get(0);
        assertThat(city.post("/api/enterprises/" + upgraded + "/grades", """
                {"scheme": "GUIDE2020", "grade": "C", "validFrom": "2022-05-01", "evidence": "2022 年评级"}""").getStatusCode().value())
                .isEqualTo(201);
        city.post("/api/enterprises/" + upgraded + "/grades", """
                {"scheme": "GUIDE2020", "grade": "A", "validFrom": "2023-06-01", "evidence": "2023 年创A"}""");
        city.post("/api/enterprises/" + newlyB + "/grades", """
                {"scheme": "GUIDE2020", "grade": "B", "validFrom": "2023-03-01", "evidence": "2023 年晋B"}""");

        JsonNode history = Api.json(city.get("/api/enterprises/" + upgraded + "/grades"));
        assertThat(history.get(0).get("grade").asString()).isEqualTo("C");
        assertThat(history.get(0).get("validTo").asString()).isEqualTo("2023-05-31");
        assertThat(history.get(1).get("validTo").isNull()).isTrue();
        assertThat(Api.json(city.get("/api/enterprises/" + upgraded)).get("grade").asString()).isEqualTo("A");

        JsonNode after = Api.json(city.get("/api/enterprises/grading-progress?year=2023")).get(0);
        assertThat(after.get("areaCode").asString()).isEqualTo("130400");
        assertThat(after.get("targetA").asInt()).isEqualTo(12);
        assertThat(after.get("targetAOrB").asInt()).isEqualTo(50);
        assertThat(after.get("upgradedToA").asInt() - before.get("upgradedToA").asInt()).isEqualTo(1);
        assertThat(after.get("upgradedToAOrB").asInt() - before.get("upgradedToAOrB").asInt()).isEqualTo(2);

        var older = city.post("/api/enterprises/" + upgraded + "/grades", """
                {"scheme": "GUIDE2020", "grade": "B", "validFrom": "2023-01-01"}""");
        assertThat(Api.json(older).get("detail").asString()).contains("应晚于");
        var unknown = city.post("/api/enterprises/" + upgraded + "/grades", """
                {"scheme": "GUIDE2020", "grade": "A+", "validFrom": "2024-01-01"}""");
        assertThat(Api.json(unknown).get("detail").asString()).contains("不是分级方案 GUIDE2020 的等级");
    }

    @Test
    void aListFlagKeepsEachSpan() {
        String code = code(40);
        registerInWuan(code, "VOCs 测试化工有限公司");
        Api wuan = as("wuan");
        assertThat(wuan.put("/api/enterprises/" + code + "/flags/VOC_KEY", """
                {"on": true, "date": "2023-02-01", "reason": "列入 760 家"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(Api.json(wuan.get("/api/enterprises?flag=VOC_KEY&county=130481&q=" + code)).toString()).contains(code);
        wuan.put("/api/enterprises/" + code + "/flags/VOC_KEY", """
                {"on": false, "date": "2023-09-30", "reason": "完成治理"}""");
        JsonNode spans = Api.json(wuan.get("/api/enterprises/" + code + "/flags"));
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).get("from").asString()).isEqualTo("2023-02-01");
        assertThat(spans.get(0).get("to").asString()).isEqualTo("2023-09-30");
        assertThat(Api.json(wuan.get("/api/enterprises/" + code)).get("flags")).isEmpty();
    }

    @Test
    void anOutletBoundToItsDeviceShowsTheLatestHourAgainstTheLimits() {
        String plant = jdbc.sql("SELECT credit_code FROM enterprise WHERE name = '河北邯郸热电股份有限公司'").query(String.class).single();
        JsonNode outlets = Api.json(as("city").get("/api/enterprises/" + plant + "/outlets"));
        JsonNode outlet = outlets.get(0);
        assertThat(outlet.get("outlet").get("deviceMn").asString()).isEqualTo("DEMO-STACK-01");
        JsonNode so2 = null;
        for (JsonNode r : outlet.get("readings")) {
            if (r.get("factor").asString().equals("a21026")) {
                so2 = r;
            }
        }
        assertThat(so2).as("the latest hour's SO2").isNotNull();
        assertThat(so2.get("unit").asString()).isEqualTo("mg/m³");
        assertThat(so2.get("limit").decimalValue()).isEqualByComparingTo("35");

        String other = code(50);
        registerInWuan(other, "排口测试有限公司");
        var taken = as("city").post("/api/enterprises/" + other + "/outlets", """
                {"code": "DA001", "deviceMn": "DEMO-STACK-01"}""");
        assertThat(taken.getStatusCode().value()).isEqualTo(400);
        assertThat(Api.json(taken).get("detail").asString()).contains("已绑定其他排放口");
        var unknown = as("city").post("/api/enterprises/" + other + "/outlets", """
                {"code": "DA001", "deviceMn": "NO-SUCH-DEVICE"}""");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void baselinesArePerLineAndPollutantAndAYearIsReplacedWhole() {
        String code = code(60);
        registerInWuan(code, "基准测试钢铁有限公司");
        Api wuan = as("wuan");
        JsonNode line = Api.json(wuan.post("/api/enterprises/" + code + "/lines", """
                {"name": "1号烧结机", "kind": "PRODUCTION", "capacity": 120, "capacityUnit": "万吨/年", "meterPoint": "DB-001"}"""));
        long lineId = line.get("id").asLong();
        var set = wuan.put("/api/enterprises/" + code + "/baselines/2023", """
                {"baselines": [{"lineId": %d, "pollutant": "SO2", "tonnes": 12.5}, {"pollutant": "VOCS", "tonnes": 3}], "reason": "排污许可"}"""
                .formatted(lineId));
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        wuan.put("/api/enterprises/" + code + "/baselines/2023", """
                {"baselines": [{"lineId": %d, "pollutant": "NOX", "tonnes": 40}]}""".formatted(lineId));
        JsonNode baselines = Api.json(wuan.get("/api/enterprises/" + code + "/baselines"));
        assertThat(baselines).hasSize(1);
        assertThat(baselines.get(0).get("pollutant").asString()).isEqualTo("NOX");
        var bad = wuan.put("/api/enterprises/" + code + "/baselines/2023", """
                {"baselines": [{"pollutant": "CO2", "tonnes": 1}]}""");
        assertThat(Api.json(bad).get("detail").asString()).contains("baselines[0].pollutant");
        assertThat(as("hanshan").get("/api/enterprises/" + code + "/baselines").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theCityOfficeSetsAYearsTargetsAndProgressCountsAgainstThem() {
        assertThat(as("wuan").put("/api/enterprises/targets/2031", "{\"upgradeToA\": 1}").getStatusCode().value()).isEqualTo(403);
        JsonNode set = Api.json(as("city").put("/api/enterprises/targets/2031",
                "{\"upgradeToA\": 15, \"upgradeToAOrB\": 60, \"whitelist\": 400, \"reason\": \"2031 年实施方案\"}"));
        assertThat(set.get("upgradeToA").asInt()).isEqualTo(15);
        JsonNode city = Api.json(as("city").get("/api/enterprises/grading-progress?year=2031")).get(0);
        assertThat(city.get("targetA").asInt()).isEqualTo(15);
        assertThat(city.get("targetAOrB").asInt()).isEqualTo(60);
        assertThat(Api.json(as("city").get("/api/enterprises/whitelist/progress?year=2031")).get("target").asInt()).isEqualTo(400);
        assertThat(Api.json(as("city").put("/api/enterprises/targets/2031", "{\"upgradeToA\": -1}")).get("detail").asString())
                .contains("0–100000");
    }
}
