package org.lantian.platform.emergency;

import java.time.Instant;
import java.util.List;

/**
 * A heavy-pollution warning: its level, the counties it covers (empty: the whole city), its span, the rule
 * version it was proposed under with the proposal's words, the reason it was issued, and the measure template
 * version and moment whose plant measures it used (a plant's measure then is its latest revision before it).
 */
public record Warning(long id, WarningLevel level, List<String> counties, Instant startsAt, Instant endsAt, Instant liftedAt,
                      String ruleVersion, String proposal, String reason, String issuedBy, Instant issuedAt, Integer templateVersion,
                      Instant measuresAt) {

    /** The same warning as it stood at another level (during a stretch before it was raised or lowered). */
    Warning atLevel(WarningLevel other) {
        return new Warning(id, other, counties, startsAt, endsAt, liftedAt, ruleVersion, proposal, reason, issuedBy, issuedAt, templateVersion,
                measuresAt);
    }

    public boolean citywide() {
        return counties.isEmpty();
    }

    /** When it stops: lifted early, or its planned end. */
    public Instant endedAt() {
        return liftedAt != null ? liftedAt : endsAt;
    }

    public boolean inForceAt(Instant t) {
        return !t.isBefore(startsAt) && t.isBefore(endedAt());
    }

    public boolean covers(String countyCode) {
        return citywide() || counties.contains(countyCode);
    }

    /** Whether the two cover a county in common. */
    boolean overlapsArea(List<String> others) {
        return citywide() || others.isEmpty() || others.stream().anyMatch(counties::contains);
    }
}
