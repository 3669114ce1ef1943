package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The city lists Handan is ranked in. The 168 key cities of the national monthly ranking (bundled, see
 * airquality/SOURCE.md) and Hebei's own list of its 11 prefecture cities: "168" in Hebei also names the
 * province's county list, which is a different ranking and only ever imported (STANDARDS §3.3).
 */
public enum KeyCities {
    KEY_CITIES_168("全国168个重点城市"),
    HEBEI_CITIES("河北省11个设区市"),
    HEBEI_COUNTIES("河北省168个县（市、区）");

    /** The name the national network uses for Handan. */
    public static final String HANDAN = "邯郸";
    /** How many places at the bottom of a list the plan's goal is about ("退出后十"). */
    public static final int BOTTOM = 10;

    private static final List<City> CITIES = load();

    private final String label;

    KeyCities(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One city of a list, with its province and the region groups MEE reports use. */
    public record City(int seq, String name, String province, String region2023) {
    }

    /** The cities this list ranks; empty for the Hebei county list, which Lantian cannot compute. */
    public List<City> cities() {
        return switch (this) {
            case KEY_CITIES_168 -> CITIES;
            case HEBEI_CITIES -> CITIES.stream().filter(c -> c.province().equals("河北省")).toList();
            case HEBEI_COUNTIES -> List.of();
        };
    }

    /** Whether Lantian computes this list from the network's data (the county list is imported only). */
    public boolean computed() {
        return this != HEBEI_COUNTIES;
    }

    private static List<City> load() {
        try (Reader reader = new InputStreamReader(new ClassPathResource("airquality/key-cities-168.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            List<City> cities = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                cities.add(new City(Integer.parseInt(r.get("seq")), r.get("city"), r.get("province"), r.get("key_region_2023_plan")));
            }
            return List.copyOf(cities);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled key-city list unreadable", e);
        }
    }
}
