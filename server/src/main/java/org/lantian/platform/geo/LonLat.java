package org.lantian.platform.geo;

/** A position in the boundaries' datum (probably GCJ-02, see geo/SOURCE.md). */
public record LonLat(double lon, double lat) {
}
