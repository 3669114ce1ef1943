package org.lantian.platform.web;

import java.util.Collection;
import java.util.stream.Collectors;

import org.lantian.standards.Pollutant;
import org.lantian.standards.RuleSet;
import org.springframework.stereotype.Component;

/** Names as people read them on every page ({@code @names} in templates), never storage codes. */
@Component("names")
public class Names {

    /** Who acts for the platform itself in timelines and logs. */
    static final String SYSTEM = "system";

    private final org.lantian.platform.identity.Users users;

    private final org.lantian.platform.geo.Divisions divisions;

    Names(org.lantian.platform.identity.Users users, org.lantian.platform.geo.Divisions divisions) {
        this.users = users;
        this.divisions = divisions;
    }

    /** Division codes as the names the plan uses, joined with 、: ["130427", "130481"] → "磁县、武安市". */
    public String divisions(Collection<String> codes) {
        return divisions.names(codes, "、");
    }

    /** A login as the person or unit it belongs to: "hanshan" → "邯山区（演示）", "system" → "系统". */
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "—";
        }
        return SYSTEM.equals(username) ? "系统" : users.displayName(username).orElse(username);
    }

    /** Pollutant codes as published: PM2_5 → PM2.5, joined with 、. */
    public String pollutants(Collection<String> codes) {
        return codes.stream().map(this::pollutant).collect(Collectors.joining("、"));
    }

    public String pollutant(String code) {
        return Pollutant.parse(code).map(Pollutant::publishedName).orElse(code);
    }

    /** An HJ 212 factor code as people read it (a21026 → SO₂); unknown codes as they are. */
    public String factor(String code) {
        return org.lantian.standards.hj212.Hj212Factor.symbolOf(code);
    }

    /** The standard a rule set stands for. */
    public String ruleSet(String code) {
        try {
            return switch (RuleSet.valueOf(code)) {
                case CN2012 -> "HJ 633-2012 标准";
                case CN2026T -> "HJ 633-2026 标准（过渡期限值）";
                case CN2026F -> "HJ 633-2026 标准";
            };
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
