package org.lantian.platform.airquality;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.monitoring.Station;
import org.lantian.platform.monitoring.StationClass;
import org.lantian.platform.monitoring.Stations;

/**
 * Which stations make up the city's and each county's values on a date. The city uses the national
 * stations of its assessment set valid that day (HJ 663); a county uses its national, provincial and
 * county-class stations (an office decision, recorded here as the default; township and micro stations
 * serve dispatch, not assessment).
 */
final class HourlyAreas {

    static final Set<StationClass> COUNTY_ASSESSMENT = Set.of(StationClass.NATIONAL, StationClass.PROVINCIAL, StationClass.COUNTY);

    private final Stations stations;
    private final Map<LocalDate, Map<String, List<String>>> byDate = new HashMap<>();

    HourlyAreas(Stations stations) {
        this.stations = stations;
    }

    /** Area code (the city's or a county's division code) to its stations on {@code date}. */
    Map<String, List<String>> on(LocalDate date) {
        return byDate.computeIfAbsent(date, this::load);
    }

    private Map<String, List<String>> load(LocalDate date) {
        Map<String, List<String>> areas = new HashMap<>();
        for (Station s : stations.list(date)) {
            if (!Stations.HANDAN.equals(s.city())) {
                continue;
            }
            if (s.stationClass() == StationClass.NATIONAL && s.inCityAssessment()) {
                areas.computeIfAbsent(Divisions.CITY_CODE, c -> new java.util.ArrayList<>()).add(s.code());
            }
            if (s.countyCode() != null && COUNTY_ASSESSMENT.contains(s.stationClass())) {
                areas.computeIfAbsent(s.countyCode(), c -> new java.util.ArrayList<>()).add(s.code());
            }
        }
        return areas;
    }
}
