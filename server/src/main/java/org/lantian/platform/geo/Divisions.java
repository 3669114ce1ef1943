package org.lantian.platform.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handan's divisions and where a point lies among them.
 *
 * <p>Boundaries are read once from the bundled GeoJSON and held as prepared JTS geometries. The two
 * management zones have no polygon: a place belongs to one only when assigned explicitly, and then the
 * zone wins over the district its point falls in ({@link #owningUnit}).
 */
@Service
public class Divisions {

    public static final String CITY_CODE = "130400";
    static final String BOUNDARIES = "geo/handan-counties.geojson";

    private final List<Division> all;
    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, PreparedGeometry> boundaries = new HashMap<>();
    private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);
    private byte[] boundariesGeoJson;

    Divisions(JdbcClient jdbc) {
        this.all = List.copyOf(jdbc.sql("""
                        SELECT code, name, short_name, kind, parent_code, has_boundary, sort_order
                          FROM geo_division ORDER BY sort_order""")
                .query((rs, n) -> new Division(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                        Division.Kind.valueOf(rs.getString("kind")), rs.getString("parent_code"),
                        rs.getBoolean("has_boundary"), rs.getInt("sort_order")))
                .list());
        all.forEach(d -> byCode.put(d.code(), d));
        this.boundariesGeoJson = readBoundaries();
        loadBoundaries();
        this.boundariesGeoJson = withLabelPoints(boundariesGeoJson);
    }

    /**
     * The boundary file with each unit's label point ({@code cp}, which ECharts places the name at) inside the
     * unit: the default, the centre of the largest polygon, falls in 峰峰矿区 for 磁县, which wraps around it.
     */
    private byte[] withLabelPoints(byte[] geoJson) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode root = mapper.readTree(geoJson);
        for (JsonNode feature : root.get("features")) {
            tools.jackson.databind.node.ObjectNode properties = (tools.jackson.databind.node.ObjectNode) feature.get("properties");
            interiorPoint(properties.get("adcode").asString())
                    .ifPresent(p -> properties.putArray("cp").add(p.lon()).add(p.lat()));
        }
        return mapper.writeValueAsBytes(root);
    }

    public List<Division> all() {
        return all;
    }

    /** The 20 county-level units, in the plan's order. */
    public List<Division> countyLevelUnits() {
        return all.stream().filter(Division::isCountyLevel).toList();
    }

    /** The county-level unit named by its code, full name or short name ("磁县", "磁 县" with the space a PDF leaves). */
    public Optional<Division> countyLevelUnit(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String key = nameOrCode.replaceAll("\\s+", "");
        return countyLevelUnits().stream().filter(d -> d.code().equals(key) || d.shortName().equals(key) || d.name().equals(key)).findFirst();
    }

    /** Division codes as the names the plan uses, joined: ["130427", "130481"] → "磁县、武安市" (an unknown code stays as it is). */
    public String names(java.util.Collection<String> codes, String separator) {
        return codes.stream().map(c -> find(c).map(Division::shortName).orElse(c)).collect(java.util.stream.Collectors.joining(separator));
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** @throws IllegalArgumentException naming the code when it is no division of Handan */
    public Division require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("邯郸市没有代码为 " + code + " 的行政区划"));
    }

    /** The county-level unit with a boundary that contains the point (WGS-84-like lon/lat as the boundaries use). */
    public Optional<Division> locate(double lon, double lat) {
        Point point = geometry.createPoint(new Coordinate(lon, lat));
        return boundaries.entrySet().stream()
                .filter(e -> e.getValue().covers(point))
                .map(e -> byCode.get(e.getKey()))
                .findFirst();
    }

    /**
     * The unit that owns a place: its explicitly assigned management zone if it has one, otherwise the
     * unit whose boundary contains its point.
     */
    public Optional<Division> owningUnit(double lon, double lat, String zoneCode) {
        if (zoneCode != null) {
            Division zone = require(zoneCode);
            if (zone.kind() != Division.Kind.MANAGEMENT_ZONE) {
                throw new IllegalArgumentException(zoneCode + "（" + zone.name() + "）不是管理区");
            }
            return Optional.of(zone);
        }
        return locate(lon, lat);
    }

    /** A point surely inside the unit's boundary; empty for units without one (the management zones). */
    public Optional<LonLat> interiorPoint(String code) {
        return Optional.ofNullable(boundaries.get(code))
                .map(b -> b.getGeometry().getInteriorPoint())
                .map(p -> new LonLat(p.getX(), p.getY()));
    }

    /** The boundary file as served to the map. */
    public byte[] boundariesGeoJson() {
        return boundariesGeoJson.clone();
    }

    private static byte[] readBoundaries() {
        try (InputStream in = new ClassPathResource(BOUNDARIES).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BOUNDARIES, e);
        }
    }

    // jts-io's GeoJSON reader would pull in json-simple; the two geometry types here take a few lines with Jackson.
    private void loadBoundaries() {
        JsonNode root = JsonMapper.builder().build().readTree(boundariesGeoJson);
        for (JsonNode feature : root.get("features")) {
            String code = feature.get("properties").get("adcode").asString();
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException(BOUNDARIES + " has a boundary for unknown division " + code);
            }
            JsonNode geom = feature.get("geometry");
            List<Polygon> polygons = new ArrayList<>();
            switch (geom.get("type").asString()) {
                case "Polygon" -> polygons.add(polygon(geom.get("coordinates")));
                case "MultiPolygon" -> geom.get("coordinates").forEach(p -> polygons.add(polygon(p)));
                default -> throw new IllegalStateException("unexpected geometry for " + code);
            }
            Geometry shape = geometry.createMultiPolygon(polygons.toArray(Polygon[]::new));
            boundaries.put(code, PreparedGeometryFactory.prepare(shape));
        }
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return geometry.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions) {
        Coordinate[] coords = new Coordinate[positions.size()];
        for (int i = 0; i < coords.length; i++) {
            coords[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return geometry.createLinearRing(coords);
    }
}
