package org.lantian.platform.geo;

/** A position in the boundaries' datum (probably GCJ-02, see geo/SOURCE.md). */
public record LonLat(double lon, double lat) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Great-circle distance in metres (haversine on the mean Earth radius: ample for kilometres within a city). */
    public static double metresBetween(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2) + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }
}
