package org.lantian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantian.platform.Api;
import org.lantian.platform.ApiTest;

/** Every write leaves an entry saying who, when, what and why. */
class AuditTests extends ApiTest {


    private String lastEntry(String action) {
        return jdbc.sql("""
                        SELECT actor || '|' || target_type || '|' || target_id || '|' || coalesce(county_code, '-') || '|' || coalesce(reason, '-')
                          FROM identity_audit_entry WHERE action = ? ORDER BY id DESC LIMIT 1""")
                .param(action).query(String.class).optional().orElse("none");
    }

    @Test
    void registeringAndChangingAStationIsAudited() {
        Api city = as("city");
        var created = city.post("/api/stations", """
                {"code":"AUD1","name":"审计测试站","city":"邯郸","pollutants":["PM2_5"],"stationClass":"TOWNSHIP",
                 "lon":114.50,"lat":36.60,"inCityAssessment":false,"reason":"新建乡镇站"}""");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(lastEntry("monitoring.station.registered")).isEqualTo("city|station|AUD1|" + Api.json(created).get("countyCode").asString() + "|新建乡镇站");

        var changed = city.post("/api/stations/AUD1/changes", """
                {"code":"AUD1","name":"审计测试站","city":"邯郸","pollutants":["PM2_5"],"stationClass":"COUNTY",
                 "lon":114.50,"lat":36.60,"inCityAssessment":false,"validFrom":"2025-01-01","reason":"升级为县控点"}""");
        assertThat(changed.getBody()).isEqualTo("true");
        assertThat(lastEntry("monitoring.station.changed")).endsWith("|升级为县控点");
    }

    @Test
    void importsUsersAndTokensAreAudited() {
        Api congtai = as("congtai");
        assertThat(lastEntry("identity.token.issued")).startsWith("congtai|token|");
        var report = Api.json(congtai.post("/api/observations", """
                {"source":"audit","observations":[{"station":"1050A","pollutant":"PM10","periodEnd":"2024-08-01 01:00","value":"50"}]}"""));
        assertThat(lastEntry("monitoring.observations.imported"))
                .isEqualTo("congtai|import|" + report.get("batchId").asLong() + "|130403|-");

        Api city = as("city");
        var user = city.post("/api/users", """
                {"username":"audit-user","displayName":"审计","role":"COUNTY","countyCode":"130424","password":"Cheng-An-2026!","reason":"成安县新账号"}""");
        assertThat(user.getStatusCode().value()).as(user.getBody()).isEqualTo(201);
        assertThat(lastEntry("identity.user.created")).isEqualTo("city|user|audit-user|130424|成安县新账号");
    }
}
