package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.Pollutant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** On a first start, registers Handan's real national stations (bundled list, see monitoring/SOURCE.md). */
@Component
@Order(10)
class ReferenceStations implements ApplicationRunner {

    static final String HANDAN_STATIONS = "monitoring/handan-national-stations.csv";
    /** The national list these stations were taken from (monitoring/SOURCE.md). */
    static final LocalDate LIST_DATE = LocalDate.of(2024, 10, 9);

    private final Stations stations;
    private final Actors actors;

    ReferenceStations(Stations stations, Actors actors) {
        this.stations = stations;
        this.actors = actors;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        actors.asSystem(this::seed);
    }

    private void seed() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(HANDAN_STATIONS).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (stations.exists(r.get("code"))) {
                    continue;
                }
                String from = r.get("valid_from");
                stations.register(new Stations.Registration(r.get("code"), r.get("name"), Stations.HANDAN,
                        Arrays.stream(Pollutant.values()).map(Pollutant::code).toList(), false, StationClass.NATIONAL,
                        r.get("county_code"), null, new BigDecimal(r.get("lon")), new BigDecimal(r.get("lat")),
                        Boolean.parseBoolean(r.get("in_city_assessment")), from.isEmpty() ? null : LocalDate.parse(from),
                        r.get("note")), "reference data: Handan's national stations");
                stations.describedOn(r.get("code"), LIST_DATE);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + HANDAN_STATIONS, e);
        }
    }
}
