package org.lantian.platform.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a plan holds: its tasks, projects and numeric targets. */
public final class PlanItems {

    private PlanItems() {
    }

    /** A text on one line, cut to {@code max} characters with "…" (an item named in a title or a table cell). */
    static String oneLine(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    /** What a report is about. */
    public enum Kind { TASK, PROJECT, TARGET }

    /** A plan's header. */
    public record Plan(int year, String title, String source, int tasks, int projects, int targets) {
    }

    /** A task of annex 5: under a measure (工作措施), its name, target text, lead and partner units, deadline. */
    public record Task(long id, int year, int seq, String measure, String name, String target, List<String> leadUnits, List<String> partnerUnits,
                       String partnerNote, LocalDate deadline, String deadlineText) {
    }

    /**
     * A project of annexes 1–4: county, industry, enterprise as written (and the register's enterprise of that
     * name), content, type, how many (annex 3 counts projects per county and type), park, deadline.
     */
    public record Project(long id, int year, int annex, int seq, String countyCode, String industry, String enterprise, String creditCode,
                          String content, String type, int quantity, String park, LocalDate deadline, String deadlineText) {
    }

    /** Whether a target is a floor (不低于) or a ceiling (不高于). */
    public enum Comparison {
        AT_LEAST("不低于"), AT_MOST("不高于");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Comparison of(String label) {
            for (Comparison c : values()) {
                if (c.label.equals(label) || c.name().equals(label)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("“" + label + "”应为“不低于”或“不高于”");
        }
    }

    /** A numeric target: what is counted, the target, its unit, floor or ceiling, deadline, source and lead unit. */
    public record Target(long id, int year, int seq, String what, BigDecimal target, String unit, Comparison comparison, LocalDate deadline,
                         TargetSource source, String leadUnit) {
    }
}
