package org.lantian.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published conversion pairs (the test tables of the open eviltransform and coordtransform implementations). */
class DatumConversionTest {

    @ParameterizedTest(name = "WGS-84 {0},{1} shows as GCJ-02 {2},{3}")
    @CsvSource({
            "121.5272106, 31.1774276, 121.531541859215, 31.17530398364597",     // Shanghai
            "113.912316, 22.543847, 113.9171764808363, 22.540796131694766",     // Shenzhen
            "116.377817, 39.911954, 116.38404722455657, 39.91334545536069",     // Beijing
            "116.404, 39.915, 116.41024449916938, 39.91640428150164"})
    void gcj02IsTheWgs84PointOffsetByThePublishedFormula(double lon, double lat, double gcjLon, double gcjLat) {
        LonLat gcj = DatumConversion.wgs84ToGcj02(lon, lat);
        assertThat(gcj.lon()).isCloseTo(gcjLon, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(gcjLat, within(1e-9));
        LonLat back = DatumConversion.toWgs84(Datum.GCJ02, gcjLon, gcjLat);
        assertThat(back.lon()).isCloseTo(lon, within(1e-7));   // ~1 cm
        assertThat(back.lat()).isCloseTo(lat, within(1e-7));
    }

    @ParameterizedTest(name = "BD-09 {0},{1} is WGS-84 via GCJ-02")
    @CsvSource({"116.404, 39.915, 116.39762729119315, 39.90865673957631"})
    void bd09ToWgs84IsBd09ToGcj02ThenGcj02ToWgs84(double bdLon, double bdLat, double gcjLon, double gcjLat) {
        LonLat wgs = DatumConversion.toWgs84(Datum.BD09, bdLon, bdLat);
        LonLat gcjAgain = DatumConversion.wgs84ToGcj02(wgs.lon(), wgs.lat());
        assertThat(gcjAgain.lon()).isCloseTo(gcjLon, within(1e-8));
        assertThat(gcjAgain.lat()).isCloseTo(gcjLat, within(1e-8));
    }

    @ParameterizedTest
    @CsvSource({"116.404, 39.915, 116.39762729119315, 39.90865673957631"})
    void bd09ToGcj02MatchesThePublishedPair(double bdLon, double bdLat, double gcjLon, double gcjLat) {
        LonLat gcj = DatumConversion.bd09ToGcj02(bdLon, bdLat);
        assertThat(gcj.lon()).isCloseTo(gcjLon, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(gcjLat, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"2.35, 48.85", "-74.0, 40.7"})
    void pointsOutsideChinaAreNotOffset(double lon, double lat) {
        assertThat(DatumConversion.toWgs84(Datum.GCJ02, lon, lat)).isEqualTo(new LonLat(lon, lat));
    }
}
