package org.lantian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.platform.PlatformTest;
import org.lantian.platform.identity.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class StationRegistryTests {

    @Autowired
    Stations stations;
    @Autowired
    NationalStationList nationalList;
    @Autowired
    TestTokens tokens;

    private static Stations.Registration station(String code, StationClass cls, String zone, String lon, String lat,
                                                 boolean assessed, LocalDate from) {
        return new Stations.Registration(code, "站" + code, Stations.HANDAN, List.of("PM2_5", "PM10"), false, cls, null,
                zone, new BigDecimal(lon), new BigDecimal(lat), assessed, from, null);
    }

    @Test
    void seedsHandansSevenRealNationalStationsWithTheirCounties() {
        List<Station> national = tokens.as("city", () -> stations.list(LocalDate.of(2024, 1, 1))).stream()
                .filter(s -> s.stationClass() == StationClass.NATIONAL && Stations.HANDAN.equals(s.city()))
                .toList();
        assertThat(national).extracting(s -> s.code() + " " + s.countyCode()).contains(
                "1047A 130403", "1048A 130403", "1049A 130402", "1050A 130403",
                "3458A 130407", "3579A 130408", "3580A 130406");
    }

    @Test
    void aStationsHistoryAnswersForEachDate() {
        tokens.as("city", () -> {
            stations.register(station("HIS1", StationClass.TOWNSHIP, null, "114.49", "36.57", false, LocalDate.of(2022, 1, 1)), "test");
            boolean changed = stations.change(station("HIS1", StationClass.COUNTY, null, "114.49", "36.57", true, LocalDate.of(2023, 7, 1)), "upgrade");
            boolean again = stations.change(station("HIS1", StationClass.COUNTY, null, "114.490", "36.570", true, LocalDate.of(2023, 9, 1)), "same");
            assertThat(changed).isTrue();
            assertThat(again).isFalse();
            assertThat(stations.find("HIS1", LocalDate.of(2021, 12, 31))).isEmpty();
            assertThat(stations.find("HIS1", LocalDate.of(2023, 6, 30)).orElseThrow().stationClass()).isEqualTo(StationClass.TOWNSHIP);
            assertThat(stations.find("HIS1", LocalDate.of(2023, 7, 1)).orElseThrow().stationClass()).isEqualTo(StationClass.COUNTY);
            assertThat(stations.history("HIS1")).extracting(Station::validFrom, Station::validTo).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 7, 1)),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 7, 1), null));
            return null;
        });
    }

    @Test
    void aStationPlacedByCoordinatesGetsItsCountyAndAZoneAssignmentWins() {
        tokens.as("city", () -> {
            Station plain = stations.register(station("LOC1", StationClass.MICRO, null, "114.5129", "36.61763", false, null), "t");
            Station zoned = stations.register(station("LOC2", StationClass.MICRO, "130471", "114.5129", "36.61763", false, null), "t");
            assertThat(plain.countyCode()).isEqualTo("130403");
            assertThat(zoned.countyCode()).isEqualTo("130471");
            assertThatThrownBy(() -> stations.register(station("LOC3", StationClass.MICRO, null, "116.4", "39.9", false, null), "t"))
                    .hasMessageContaining("不在邯郸市任何县（市、区）境内");
            return null;
        });
    }

    @Test
    void importsTheNationalStationListIdempotently() throws Exception {
        String list = """
                监测点编码,监测点名称,城市,经度,纬度,对照点
                1001A,万寿西宫,北京,116.3621,39.8784,N
                1002A,定陵(对照点),北京,116.2202,40.2915,Y
                1003A,东四(停运200110),北京,116.4174,39.9289,N
                bad code,坏,北京,116,39,N
                """;
        var first = tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list), LocalDate.of(2024, 10, 9), "test")));
        assertThat(first.registered()).isEqualTo(3);
        assertThat(first.errors()).extracting(e -> e.line()).containsExactly(5L);
        var second = tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list), LocalDate.of(2024, 10, 9), "test")));
        assertThat(second.registered()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        Station dingling = tokens.as("city", () -> stations.find("1002A", LocalDate.of(2024, 1, 1)).orElseThrow());
        assertThat(dingling.name()).isEqualTo("定陵");
        assertThat(dingling.inCityAssessment()).isFalse();
        assertThat(dingling.countyCode()).isNull();
    }

    @Test
    void anOlderListNeverTakesTheRegistryBackInTimeAndControlStationsAreKnownWithoutTheColumn() {
        String list2024 = """
                监测点编码,监测点名称,城市,经度,纬度,对照点
                9302A,新址,某市,116.2,39.2,N
                """;
        tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list2024), LocalDate.of(2024, 10, 9), "2024 list")));
        // the 2020-01-01 list: no 对照点 column, 9302A at its old place, 1027A a control station of 天津
        String list2020 = """
                监测点编码,监测点名称,城市,经度,纬度
                9302A,旧址,某市,116.1,39.1
                1027A,团泊洼,天津,117.3,38.9
                """;
        var report = tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list2020), LocalDate.of(2020, 1, 1), "2020 list")));
        assertThat(report.older()).isEqualTo(1);
        assertThat(report.changed()).isZero();
        assertThat(report.registered()).isEqualTo(1);
        List<Station> history = tokens.as("city", () -> stations.history("9302A"));
        assertThat(history).extracting(Station::name, Station::validFrom).containsExactly(org.assertj.core.groups.Tuple.tuple("新址", null));
        assertThat(history.get(0).lon()).isEqualByComparingTo("116.2");
        assertThat(tokens.as("city", () -> stations.find("1027A", LocalDate.of(2021, 1, 1)).orElseThrow().inCityAssessment())).isFalse();

        // a list dated after the registry's source applies, as a version from its own date
        var newer = tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list2020), LocalDate.of(2025, 3, 1), "t")));
        assertThat(newer.changed()).isEqualTo(1);
        assertThat(tokens.as("city", () -> stations.history("9302A"))).extracting(Station::validFrom)
                .containsExactly(null, LocalDate.of(2025, 3, 1));

        assertThat(NationalStationListReader.knownBackground("1002A")).isTrue();  // 定陵, marked in the 2024 list
        assertThat(NationalStationListReader.knownBackground("1001A")).isFalse();
        assertThat(NationalStationListReader.knownBackground("1003A")).isFalse(); // stopped, not a control station
        assertThatThrownBy(() -> tokens.as("city", () -> call(() -> nationalList.importList(new StringReader(list2020), null, "t"))))
                .rootCause().isInstanceOf(BadInput.class).hasMessageContaining("生效日期");
        assertThat(NationalStationList.dateInName("StationList-2020.01.01.csv")).contains(LocalDate.of(2020, 1, 1));
        assertThat(NationalStationList.dateInName("站点列表-2022.02.13起.csv")).contains(LocalDate.of(2022, 2, 13));
        assertThat(NationalStationList.dateInName("stations.csv")).isEmpty();
    }

    private static <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
