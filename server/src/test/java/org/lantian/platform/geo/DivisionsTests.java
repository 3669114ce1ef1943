package org.lantian.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.platform.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class DivisionsTests {

    @Autowired
    Divisions divisions;

    @Test
    void hasTheCityAndTheTwentyUnitsOfThePlan() {
        assertThat(divisions.all()).hasSize(21);
        assertThat(divisions.countyLevelUnits()).hasSize(20)
                .extracting(Division::shortName)
                .contains("邯山区", "丛台区", "武安市", "冀南新区", "开发区");
        assertThat(divisions.countyLevelUnits().stream().filter(d -> d.kind() == Division.Kind.MANAGEMENT_ZONE))
                .extracting(Division::code).containsExactlyInAnyOrder("130471", "130473");
    }

    @ParameterizedTest(name = "{2} at {0}, {1}")
    @CsvSource({
            "114.5129, 36.61763, 130403",   // 1047A 环保局
            "114.4918, 36.5713, 130402",    // 1049A 矿院
            "114.7895, 36.5593, 130407",    // 3458A 香泉濮院小区
            "114.50634, 36.77178, 130408",  // 3579A 永年区实验高中
            "114.20016, 36.44293, 130406",  // 3580A 峰峰矿区临水派出所
            "113.7385, 36.5902, 130426",     // 涉县
            "115.2445, 36.3032, 130425"})   // 大名县
    void locatesAPointInTheUnitWhoseBoundaryHoldsIt(double lon, double lat, String code) {
        assertThat(divisions.locate(lon, lat)).map(Division::code).contains(code);
    }

    @Test
    void findsNothingOutsideHandan() {
        assertThat(divisions.locate(116.40, 39.90)).isEmpty();   // Beijing
    }

    @Test
    void anAssignedManagementZoneWinsOverTheDistrictThePointFallsIn() {
        assertThat(divisions.owningUnit(114.5129, 36.61763, "130471")).map(Division::code).contains("130471");
        assertThat(divisions.owningUnit(114.5129, 36.61763, null)).map(Division::code).contains("130403");
        assertThatThrownBy(() -> divisions.owningUnit(114.5, 36.6, "130402"))
                .hasMessageContaining("不是管理区");
    }

    @Test
    void everyBoundedUnitHasAnInteriorPointThatLocatesBackToIt() {
        divisions.countyLevelUnits().stream().filter(Division::hasBoundary).forEach(d -> {
            LonLat p = divisions.interiorPoint(d.code()).orElseThrow();
            assertThat(divisions.locate(p.lon(), p.lat())).map(Division::code).contains(d.code());
        });
    }
}
