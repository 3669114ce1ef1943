package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lantian.standards.Pollutant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the national network's station list into the registry: new stations are registered, listed
 * changes (name, position, background or stopped) become a new version from {@code validFrom}.
 */
@Service
public class NationalStationList {

    private static final List<String> SIX = java.util.Arrays.stream(Pollutant.values()).map(Pollutant::code).toList();

    private final Stations stations;
    private final Clock clock;

    NationalStationList(Stations stations, Clock clock) {
        this.stations = stations;
        this.clock = clock;
    }

    /**
     * @param older stations the registry knows from a newer source than this list: left as they are
     */
    public record Report(LocalDate listDate, int registered, int changed, int unchanged, int older,
                         List<IngestReport.RowError> errors) {
    }

    private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})[.\\-_]?(\\d{2})[.\\-_]?(\\d{2})");

    /** The date a list took effect as its file name gives it ({@code StationList-2020.01.01.csv}), if it does. */
    public static Optional<LocalDate> dateInName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = DATE_IN_NAME.matcher(fileName);
        try {
            return m.find() ? Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)))) : Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Applies a dated list. Changes become versions from the list's date; a station the registry knows
     * from a newer source is left alone, so importing an old list never takes the registry back in time.
     *
     * @param listDate the date the list took effect (required: a list without one cannot be placed in time)
     */
    @Transactional
    public Report importList(Reader input, LocalDate listDate, String reason) throws IOException {
        if (listDate == null) {
            throw new BadInput("站点名录须注明生效日期：请填写 validFrom，或使用文件名带日期的名录（如 StationList-2020.01.01.csv）");
        }
        if (listDate.isAfter(LocalDate.now(clock))) {
            throw new BadInput("站点名录生效日期 " + listDate + " 晚于今天");
        }
        NationalStationListReader.Result read = NationalStationListReader.read(input);
        List<IngestReport.RowError> errors = new ArrayList<>(read.errors());
        int registered = 0;
        int changed = 0;
        int unchanged = 0;
        int older = 0;
        for (NationalStationListReader.Listed listed : read.stations()) {
            try {
                if (!stations.exists(listed.code())) {
                    stations.register(registration(listed, null, null), reason);
                    registered++;
                } else {
                    LocalDate known = stations.describedOn(listed.code());
                    if (known != null && known.isAfter(listDate)) {
                        older++;
                        continue;
                    }
                    Optional<String> zone = stations.history(listed.code()).stream()
                            .reduce((a, b) -> b).map(Station::zoneCode);
                    if (stations.change(registration(listed, zone.orElse(null), listDate), reason)) {
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
                stations.describedOn(listed.code(), listDate);
            } catch (IllegalArgumentException e) {
                errors.add(new IngestReport.RowError(listed.line(), "监测点编码", listed.code() + ": " + e.getMessage()));
            }
        }
        return new Report(listDate, registered, changed, unchanged, older, errors);
    }

    private static Stations.Registration registration(NationalStationListReader.Listed s, String zone, LocalDate from) {
        return new Stations.Registration(s.code(), s.name(), s.city(), SIX, false, StationClass.NATIONAL, null, zone,
                s.lon(), s.lat(), !s.background() && !s.stopped(), from, null);
    }
}
