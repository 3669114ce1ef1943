package org.lantian.platform.forms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page form's input as typed, read field by field. What cannot be read is kept with a message in Chinese
 * for that field, so the page shows the form again with the user's input and the message beside the field
 * ({@code web/layout :: fieldError}). Services name the field a refusal concerns before a full-width colon
 * ("lon、lat：…"); {@link #refused} puts such a message beside that field.
 */
public final class FormInput {

    /** The message that is about no one field, shown above the form. */
    public static final String FORM = "form";

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The fields as submitted (Spring's {@code @RequestParam Map}, which decodes multipart forms too). */
    public FormInput(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** An empty form, as first shown. */
    public static FormInput empty() {
        return new FormInput(new LinkedHashMap<>());
    }

    /** Values to show in the form, as stored (editing what exists). */
    public void fill(Map<String, String> stored) {
        values.putAll(stored);
    }

    /** What the user typed (for re-showing it). */
    public String value(String field) {
        return values.get(field);
    }

    /** The trimmed text of a field; null when blank. */
    public String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** An optional decimal between {@code min} and {@code max}; null when blank or wrong (then the field has a message). */
    public BigDecimal decimal(String field, String label, BigDecimal min, BigDecimal max, String example) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(v);
        } catch (NumberFormatException e) {
            reject(field, "“" + label + "”应为数字（阿拉伯数字，小数点用“.”，如 " + example + "），收到的是“" + v + "”");
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            reject(field, "“" + label + "”应在 " + min.toPlainString() + " 至 " + max.toPlainString() + " 之间，收到的是 " + v);
            return null;
        }
        return number;
    }

    /** An optional whole number between {@code min} and {@code max}; null when blank or wrong (then the field has a message). */
    public Integer integer(String field, String label, int min, int max) {
        BigDecimal number = decimal(field, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max), String.valueOf(Math.max(min, 1)));
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            reject(field, "“" + label + "”应为整数，收到的是 " + number.toPlainString());
            return null;
        }
        return number.intValueExact();
    }

    /** An optional Beijing-time moment as a datetime-local field sends it (2026-12-10T08:00); null when blank or wrong. */
    public java.time.Instant beijingTime(String field, String label) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(v).atZone(org.lantian.standards.BeijingTime.ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            reject(field, "“" + label + "”应为日期和时间（如 2026-12-10T08:00），收到的是“" + v + "”");
            return null;
        }
    }

    /** An optional date (2026-12-10); null when blank or wrong. */
    public java.time.LocalDate date(String field, String label) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            reject(field, "“" + label + "”应为日期（如 2026-12-10），收到的是“" + v + "”");
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /**
     * A service's refusal beside the field it names ("lon、lat：…" goes beside {@code lon}), if the form has
     * that field; otherwise above the form.
     */
    public void refused(RuntimeException e) {
        String message = e.getMessage() == null ? "提交的内容不符合要求" : e.getMessage();
        int colon = message.indexOf('：');
        String field = colon > 0 ? message.substring(0, colon).split("[、.]")[0].strip() : FORM;
        reject(values.containsKey(field) ? field : FORM, colon > 0 && values.containsKey(field) ? message.substring(colon + 1) : message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message beside a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }
}
