package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public record Report(int registered, int changed, int unchanged, List<IngestReport.RowError> errors) {
    }

    /**
     * @param validFrom the date the list took effect; for stations new to the registry it may be null
     *                  ("since before our records"), for changes it defaults to today
     */
    @Transactional
    public Report importList(Reader input, LocalDate validFrom, String reason) throws IOException {
        NationalStationListReader.Result read = NationalStationListReader.read(input);
        List<IngestReport.RowError> errors = new ArrayList<>(read.errors());
        int registered = 0;
        int changed = 0;
        int unchanged = 0;
        for (NationalStationListReader.Listed listed : read.stations()) {
            try {
                if (!stations.exists(listed.code())) {
                    stations.register(registration(listed, null, validFrom), reason);
                    registered++;
                } else {
                    LocalDate from = validFrom == null ? LocalDate.now(clock) : validFrom;
                    Optional<String> zone = stations.history(listed.code()).stream()
                            .reduce((a, b) -> b).map(Station::zoneCode);
                    if (stations.change(registration(listed, zone.orElse(null), from), reason)) {
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.add(new IngestReport.RowError(listed.line(), "监测点编码", listed.code() + ": " + e.getMessage()));
            }
        }
        return new Report(registered, changed, unchanged, errors);
    }

    private static Stations.Registration registration(NationalStationListReader.Listed s, String zone, LocalDate from) {
        return new Stations.Registration(s.code(), s.name(), s.city(), SIX, false, StationClass.NATIONAL, null, zone,
                s.lon(), s.lat(), !s.background() && !s.stopped(), from, null);
    }
}
