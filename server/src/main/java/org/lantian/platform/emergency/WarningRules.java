package org.lantian.platform.emergency;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The versions of the warning rules, each valid from its date until the next (STANDARDS §4.1 from 2018, §4.2 from 2024). */
@Service
public class WarningRules {

    /** A version as the office sees it. */
    public record Version(String code, String name, LocalDate validFrom, String source) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    WarningRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Version> versions() {
        return jdbc.sql("SELECT code, name, valid_from, source FROM emergency_rule_version ORDER BY valid_from")
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4))).list();
    }

    /** The rules in force on a day. */
    public WarningRule on(LocalDate day) {
        String code = jdbc.sql("SELECT code FROM emergency_rule_version WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1")
                .param(java.sql.Date.valueOf(day)).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("date：" + day + " 之前没有预警分级标准"));
        return of(code);
    }

    public WarningRule of(String code) {
        return jdbc.sql("SELECT code, name, definition::text FROM emergency_rule_version WHERE code = ?").param(code)
                .query((rs, n) -> {
                    Definition d = json.readValue(rs.getString(3), Definition.class);
                    return new WarningRule(rs.getString(1), rs.getString(2), d.basis(), d.levels(), d.reductionShares());
                }).optional()
                .orElseThrow(() -> new IllegalArgumentException("ruleVersion：没有预警分级标准 " + code));
    }

    private record Definition(String basis, List<WarningRule.Level> levels, java.util.Map<WarningLevel, Integer> reductionShares) {
    }
}
