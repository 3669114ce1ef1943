package org.lantian.platform.alerts;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actor;
import org.springframework.stereotype.Component;

/** Which unit a user works for in duty and instructions, and how a unit is named. */
@Component
class DutyUnits {

    static final String CITY_OFFICE = Divisions.CITY_CODE;

    private final Divisions divisions;

    DutyUnits(Divisions divisions) {
        this.divisions = divisions;
    }

    /** A county user's county, a department user's department, 130400 for the city office; null for viewers. */
    static String of(Actor actor) {
        return switch (actor.role()) {
            case CITY_OFFICE -> CITY_OFFICE;
            case COUNTY, ENTERPRISE -> actor.countyCode();
            case DEPARTMENT -> actor.organisation();
            case VIEWER -> null;
        };
    }

    String name(String unit) {
        if (CITY_OFFICE.equals(unit)) {
            return "市大气办";
        }
        return divisions.find(unit).map(org.lantian.platform.geo.Division::shortName).orElse(unit);
    }

    /** Whether {@code unit} is a unit: the city office, a county-level unit, or a department (any other name). */
    boolean isCounty(String unit) {
        return divisions.find(unit).map(org.lantian.platform.geo.Division::isCountyLevel).orElse(false);
    }

    /** The actor may change the roster and handovers of the unit: its own, or any for the city office. */
    static boolean mayKeep(Actor actor, String unit) {
        return actor.isCityOffice() || (unit != null && unit.equals(of(actor)) && actor.role() != org.lantian.platform.identity.Role.ENTERPRISE);
    }
}
