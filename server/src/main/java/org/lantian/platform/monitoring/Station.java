package org.lantian.platform.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A station as it was on one date: its identity plus the version of its history in force then.
 *
 * @param countyCode       the owning county-level unit (null for stations outside Handan)
 * @param zoneCode         the management zone it is assigned to, if any (then equal to countyCode)
 * @param inCityAssessment whether it counts in the city's official figures on that date
 * @param validFrom        first day of this version (null: since before our records)
 * @param validTo          first day after this version (null: still in force)
 */
public record Station(String code, String name, String city, List<String> pollutants, boolean demo,
                      StationClass stationClass, String countyCode, String zoneCode, BigDecimal lon, BigDecimal lat,
                      boolean inCityAssessment, LocalDate validFrom, LocalDate validTo, String note) {
}
