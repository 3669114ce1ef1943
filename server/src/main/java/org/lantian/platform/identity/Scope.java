package org.lantian.platform.identity;

import java.util.Set;

/**
 * Which county-level units' data a user may see. Data of places outside every county (other cities'
 * stations, citywide records) is visible only to a citywide scope.
 */
public record Scope(boolean citywide, Set<String> countyCodes) {

    public static final Scope CITYWIDE = new Scope(true, Set.of());

    public Scope {
        countyCodes = Set.copyOf(countyCodes);
    }

    public static Scope county(String countyCode) {
        return new Scope(false, Set.of(countyCode));
    }

    /** Whether data owned by {@code countyCode} (null: no county) is inside this scope. */
    public boolean covers(String countyCode) {
        return citywide || (countyCode != null && countyCodes.contains(countyCode));
    }

    /** The county codes as a SQL array parameter; empty for a citywide scope. */
    public String[] countyArray() {
        return countyCodes.toArray(String[]::new);
    }
}
