package org.lantian.platform.identity;

/**
 * Who is acting: a signed-in user, a system holding an API token (acting as the token's user), or the
 * platform itself ({@link #SYSTEM}) for scheduled and start-up work.
 *
 * @param countyCode   the user's county-level unit, for county and enterprise users; otherwise null
 * @param organisation the unit the user works for (a city department's name, e.g. 市生态环境局); may be null
 * @param enterpriseCode for an enterprise user, the unified social credit code of its enterprise; otherwise null
 */
public record Actor(String username, String displayName, Role role, String countyCode, String organisation,
                    String enterpriseCode) implements java.io.Serializable {

    public static final Actor SYSTEM = new Actor("system", "系统", Role.CITY_OFFICE, null, "系统", null);

    public Actor(String username, String displayName, Role role, String countyCode, String organisation) {
        this(username, displayName, role, countyCode, organisation, null);
    }

    public Scope scope() {
        return switch (role) {
            case CITY_OFFICE, DEPARTMENT, VIEWER -> Scope.CITYWIDE;
            case COUNTY, ENTERPRISE -> Scope.county(countyCode);
        };
    }

    /** City office and county users change monitoring data; the others only read. */
    public boolean mayWriteMonitoringData() {
        return role == Role.CITY_OFFICE || role == Role.COUNTY;
    }

    public boolean isCityOffice() {
        return role == Role.CITY_OFFICE;
    }

    /**
     * Refuses unless this actor may write data owned by {@code countyCode}.
     *
     * @throws AccessDenied naming what was refused
     */
    public void requireWriteAccess(String countyCode, String what) {
        if (!mayWriteMonitoringData() || !scope().covers(countyCode)) {
            throw new AccessDenied(username + " 无权修改" + what);
        }
    }
}
