package org.lantian.platform.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as the plan writes it, read as the last day it allows: "2023年11月15日" that day, "2023年12月",
 * "2023年6月底（前）" the month's last day, "2023年7月1日起" the day it starts, "全年" the year's last day; nothing
 * written, no deadline. A date as 2023-12-31 is that day.
 */
final class PlanDates {

    private static final Pattern DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日(前|起)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月(底)?(前)?");

    private PlanDates() {
    }

    /** @throws IllegalArgumentException when the text is none of the forms above */
    static LocalDate parse(String text, int year) {
        String t = text == null ? "" : text.replaceAll("\\s+", "");
        if (t.isEmpty()) {
            return null;
        }
        if (t.equals("全年")) {
            return LocalDate.of(year, 12, 31);
        }
        try {
            return calendar(t, text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("“" + text + "”不是有效日期");
        }
    }

    private static LocalDate calendar(String t, String text) {
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(t);
        }
        Matcher day = DAY.matcher(t);
        if (day.matches()) {
            return LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)), Integer.parseInt(day.group(3)));
        }
        Matcher month = MONTH.matcher(t);
        if (month.matches()) {
            return YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))).atEndOfMonth();
        }
        throw new IllegalArgumentException("“" + text + "”不是可识别的时限（如 2023年12月底、2023年11月15日、2023-12-31、全年）");
    }
}
