package org.lantian.standards;

import java.time.LocalDate;

/**
 * The generation of national rules an official figure is computed under (STANDARDS §0). Chosen by the
 * date of the data ({@link #forDate}); any figure can also be computed under another rule set for a
 * "what would this have been" comparison.
 */
public enum RuleSet {
    /** HJ 633-2012, HJ 663-2013, GB 3095-2012: data before 2026-03-01. */
    CN2012(null, LocalDate.of(2026, 3, 1)),
    /** HJ 633-2026, HJ 663-2026, GB 3095-2026 transitional limits: 2026-03-01 to 2030-12-31. */
    CN2026T(LocalDate.of(2026, 3, 1), LocalDate.of(2031, 1, 1)),
    /** The same standards with GB 3095-2026 final limits: from 2031-01-01. */
    CN2026F(LocalDate.of(2031, 1, 1), null);

    private final LocalDate from;
    private final LocalDate until;

    RuleSet(LocalDate from, LocalDate until) {
        this.from = from;
        this.until = until;
    }

    /** The rule set in force on {@code day} (a Beijing-time calendar day). */
    public static RuleSet forDate(LocalDate day) {
        for (RuleSet rules : values()) {
            if ((rules.from == null || !day.isBefore(rules.from)) && (rules.until == null || day.isBefore(rules.until))) {
                return rules;
            }
        }
        throw new IllegalStateException("no rule set covers " + day);
    }

    /** Whether this is one of the 2026 generation (HJ 633-2026 and its siblings). */
    public boolean is2026() {
        return this != CN2012;
    }
}
