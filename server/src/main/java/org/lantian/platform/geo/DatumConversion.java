package org.lantian.platform.geo;

/**
 * GCJ-02 and BD-09 to WGS-84. GCJ-02 is the published offset formula (Krasovsky ellipsoid, the polynomial
 * every open implementation shares); its inverse has no closed form, so a point is found whose forward
 * offset lands on the given one (a few iterations reach 1e-7°, about a centimetre). BD-09 is GCJ-02
 * rotated and shifted by Baidu's published constants. Written here because the only Java libraries that
 * carry it are general utility kits (Hutool) far larger than these forty lines.
 */
public final class DatumConversion {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private DatumConversion() {
    }

    /** The WGS-84 position of a point given in {@code datum}. */
    public static LonLat toWgs84(Datum datum, double lon, double lat) {
        return switch (datum) {
            case WGS84 -> new LonLat(lon, lat);
            case GCJ02 -> gcj02ToWgs84(lon, lat);
            case BD09 -> {
                LonLat gcj = bd09ToGcj02(lon, lat);
                yield gcj02ToWgs84(gcj.lon(), gcj.lat());
            }
        };
    }

    /** How a WGS-84 point shows on GCJ-02 maps (the forward offset). */
    public static LonLat wgs84ToGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new LonLat(lon, lat);
        }
        double dLat = latOffset(lon - 105.0, lat - 35.0);
        double dLon = lonOffset(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LonLat(lon + dLon, lat + dLat);
    }

    static LonLat gcj02ToWgs84(double lon, double lat) {
        double wgsLon = lon;
        double wgsLat = lat;
        for (int i = 0; i < 30; i++) {
            LonLat forward = wgs84ToGcj02(wgsLon, wgsLat);
            double dLon = forward.lon() - lon;
            double dLat = forward.lat() - lat;
            wgsLon -= dLon;
            wgsLat -= dLat;
            if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
                break;
            }
        }
        return new LonLat(wgsLon, wgsLat);
    }

    static LonLat bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new LonLat(z * Math.cos(theta), z * Math.sin(theta));
    }

    private static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double latOffset(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double lonOffset(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
