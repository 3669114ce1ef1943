package org.lantian.platform.enterprises;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise's file as the register holds it today: lon/lat are WGS-84, the entered position and its
 * datum are kept as typed; {@code grade} is the grade in force (null when ungraded).
 */
public record Enterprise(String creditCode, String name, String countyCode, boolean countySetByHand, String township,
                         String address, BigDecimal lon, BigDecimal lat, BigDecimal enteredLon, BigDecimal enteredLat,
                         String enteredDatum, String industryCode, String industryName, String gradingIndustry,
                         String cluster, EnterpriseStatus status, LocalDate statusSince, boolean demo,
                         String gradeScheme, String grade, List<EnterpriseFlag> flags) {
}
