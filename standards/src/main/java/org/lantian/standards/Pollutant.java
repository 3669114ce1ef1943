package org.lantian.standards;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The six pollutants of the national air-quality index (HJ 633, GB 3095), with their units.
 *
 * <p>Concentrations are in µg/m³ except carbon monoxide, which is in mg/m³ (STANDARDS §1.1).
 * {@link #code()} is the stable identifier used in storage and APIs; {@link #publishedName()} is the
 * name the national network uses in its public files ({@code PM2.5}, not {@code PM2_5}).
 *
 * <pre>{@code
 * Pollutant.parse("PM2.5")  // Optional[PM2_5]
 * Pollutant.CO.unit()       // "mg/m³"
 * }</pre>
 */
public enum Pollutant {
    SO2("SO2", "二氧化硫", Unit.MICROGRAMS_PER_CUBIC_METRE),
    NO2("NO2", "二氧化氮", Unit.MICROGRAMS_PER_CUBIC_METRE),
    PM10("PM10", "颗粒物（PM10）", Unit.MICROGRAMS_PER_CUBIC_METRE),
    CO("CO", "一氧化碳", Unit.MILLIGRAMS_PER_CUBIC_METRE),
    O3("O3", "臭氧", Unit.MICROGRAMS_PER_CUBIC_METRE),
    PM2_5("PM2.5", "细颗粒物（PM2.5）", Unit.MICROGRAMS_PER_CUBIC_METRE);

    /** Concentration units of the national standards. */
    public enum Unit {
        MICROGRAMS_PER_CUBIC_METRE("μg/m³"),
        MILLIGRAMS_PER_CUBIC_METRE("mg/m³");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final String publishedName;
    private final String chineseName;
    private final Unit unit;

    Pollutant(String publishedName, String chineseName, Unit unit) {
        this.publishedName = publishedName;
        this.chineseName = chineseName;
        this.unit = unit;
    }

    /** The storage and API code: the enum name, e.g. {@code PM2_5}. */
    public String code() {
        return name();
    }

    /** The name in the national network's files, e.g. {@code PM2.5}. */
    public String publishedName() {
        return publishedName;
    }

    public String chineseName() {
        return chineseName;
    }

    public Unit unit() {
        return unit;
    }

    /** Decimal places of published concentrations: 1 for CO (mg/m³), 0 otherwise (STANDARDS §1.4, §2.5). */
    public int decimals() {
        return this == CO ? 1 : 0;
    }

    /**
     * Reads a pollutant from its code ({@code PM2_5}) or published name ({@code PM2.5}), ignoring case
     * and surrounding blanks.
     *
     * @return the pollutant, or empty when the text names none of the six
     */
    public static Optional<Pollutant> parse(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * A value per pollutant in the order the national tables list them; a null leaves the pollutant out.
     * For tables of limits, denominators or statistics: {@code Pollutant.table("60", "40", "70", "35", "4", "160")}.
     */
    public static Map<Pollutant, java.math.BigDecimal> table(String so2, String no2, String pm10, String pm25, String co, String o3) {
        Map<Pollutant, java.math.BigDecimal> map = new java.util.EnumMap<>(Pollutant.class);
        String[] values = {so2, no2, pm10, pm25, co, o3};
        Pollutant[] order = {SO2, NO2, PM10, PM2_5, CO, O3};
        for (int i = 0; i < order.length; i++) {
            if (values[i] != null) {
                map.put(order[i], new java.math.BigDecimal(values[i]));
            }
        }
        return map;
    }

    private static final Map<String, Pollutant> BY_NAME = Arrays.stream(values())
            .flatMap(p -> Stream.of(Map.entry(p.name(), p), Map.entry(p.publishedName.toUpperCase(Locale.ROOT), p)))
            .distinct()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
}
