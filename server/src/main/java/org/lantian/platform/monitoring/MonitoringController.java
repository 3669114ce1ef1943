package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "监测数据", description = "Stations, their history, and the ingestion of observations")
class MonitoringController {

    private final Stations stations;
    private final Observations observations;
    private final Ingestion ingestion;
    private final NationalStationList nationalList;
    private final Clock clock;

    MonitoringController(Stations stations, Observations observations, Ingestion ingestion,
                         NationalStationList nationalList, Clock clock) {
        this.stations = stations;
        this.observations = observations;
        this.ingestion = ingestion;
        this.nationalList = nationalList;
        this.clock = clock;
    }

    @GetMapping("/stations")
    @Operation(summary = "Stations as they were on a date (default today), within the caller's county scope")
    List<Station> stations(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return stations.list(date == null ? LocalDate.now(clock) : date);
    }

    @GetMapping("/stations/{code}")
    @Operation(summary = "One station as it was on a date (default today)")
    Station station(@PathVariable String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return stations.find(code, date == null ? LocalDate.now(clock) : date)
                .orElseThrow(() -> new NotFound("站点 " + code));
    }

    @GetMapping("/stations/{code}/history")
    @Operation(summary = "Every dated version of a station")
    List<Station> history(@PathVariable String code) {
        List<Station> versions = stations.history(code);
        if (versions.isEmpty()) {
            throw new NotFound("站点 " + code);
        }
        return versions;
    }

    record StationRequest(@NotBlank String code, @NotBlank String name, @NotBlank String city,
                          @NotEmpty List<String> pollutants, Boolean demo, @NotNull StationClass stationClass,
                          String countyCode, String zoneCode, BigDecimal lon, BigDecimal lat,
                          Boolean inCityAssessment, LocalDate validFrom, String note, String reason) {
        Stations.Registration registration() {
            return new Stations.Registration(code, name, city, pollutants, Boolean.TRUE.equals(demo), stationClass, countyCode, zoneCode,
                    lon, lat, Boolean.TRUE.equals(inCityAssessment), validFrom, note);
        }
    }

    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a station (city office)")
    Station register(@Valid @RequestBody StationRequest request) {
        return stations.register(request.registration(), request.reason());
    }

    @PostMapping("/stations/{code}/changes")
    @Operation(summary = "Record a change of a station from validFrom on (city office); false when nothing differs")
    boolean change(@PathVariable String code, @Valid @RequestBody StationRequest request) {
        if (!code.equals(request.code())) {
            throw new IllegalArgumentException("code：请求体中的站点 " + request.code() + " 与路径中的 " + code + " 不一致");
        }
        return stations.change(request.registration(), request.reason());
    }

    @PostMapping(value = "/stations/national-list", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a dated national station list (CSV: 监测点编码,监测点名称,城市,经度,纬度[,对照点]); its date is validFrom or "
            + "the date in the file name; stations known from a newer source are left alone")
    NationalStationList.Report nationalList(@RequestPart MultipartFile file,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                                            @RequestParam(required = false) String reason) throws IOException {
        try (Reader reader = utf8(file)) {
            return nationalList.importList(reader,
                    validFrom != null ? validFrom : NationalStationList.dateInName(file.getOriginalFilename()).orElse(null), reason);
        }
    }

    @GetMapping("/stations/{code}/series")
    @Operation(summary = "Current values of one series, from < period end <= to (default: the last 7 days)")
    List<Observations.Point> series(@PathVariable String code, @RequestParam String pollutant,
                                    @RequestParam(defaultValue = "1h") String averaging,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to) {
        Averaging avg = Averaging.parse(averaging)
                .orElseThrow(() -> new IllegalArgumentException("averaging：未知的统计周期“" + averaging + "”"));
        Instant end = to == null ? clock.instant() : to;
        return observations.series(code, pollutant, avg, from == null ? end.minus(java.time.Duration.ofDays(7)) : from, end);
    }

    record ObservationItem(String station, String pollutant, String averaging, String periodEnd, String value, String flag) {
    }

    /** {@code reason}: why values already stored are changed; a revision without one is refused. */
    record ObservationBatch(@NotBlank @Size(max = 100) String source, @NotNull List<ObservationItem> observations,
                            @Size(max = 500) String reason) {
    }

    @PostMapping("/observations")
    @Operation(summary = "Submit a batch of observations; items are numbered from 1 in the error report")
    IngestReport submit(@Valid @RequestBody ObservationBatch batch) {
        return ingestion.ingest(new Ingestion.Submission(batch.source(), "json", null, batch.reason()), sink -> {
            long line = 0;
            for (ObservationItem item : batch.observations()) {
                line++;
                if (item == null) {
                    sink.reject(line, "item", "null item");
                    continue;
                }
                new RawObservation(item.station(), item.pollutant(), item.averaging(), item.periodEnd(), item.value(),
                        item.flag()).readInto(line, sink);
            }
        });
    }

    @PostMapping(value = "/imports/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import observations from CSV (station,pollutant,averaging,period_end,value,flag)")
    IngestReport importCsv(@RequestPart MultipartFile file, @RequestParam(defaultValue = "csv-upload") String source,
                           @RequestParam(required = false) @Size(max = 500) String reason) throws IOException {
        return ingestion.ingest(new Ingestion.Submission(source, "csv", file.getOriginalFilename(), reason),
                ObservationCsvReader.opening(() -> utf8(file)));
    }

    @PostMapping(value = "/imports/china-sites", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a national-network daily file (china_sites_YYYYMMDD.csv)")
    IngestReport importChinaSites(@RequestPart MultipartFile file, @RequestParam(required = false) @Size(max = 500) String reason)
            throws IOException {
        try (Reader reader = utf8(file)) {
            return ingestion.ingest(new Ingestion.Submission("cnemc-public", "china_sites", file.getOriginalFilename(), reason),
                    new ChinaSitesReader(reader));
        }
    }

    @GetMapping("/imports")
    @Operation(summary = "Recent imports visible to the caller")
    List<Ingestion.Batch> imports(@RequestParam(defaultValue = "50") int limit) {
        return ingestion.recentBatches(limit);
    }

    @GetMapping("/imports/{id}/errors")
    @Operation(summary = "Rejected rows of an import, in line order")
    List<IngestReport.RowError> importErrors(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                                             @RequestParam(defaultValue = "1000") int limit) {
        return ingestion.errors(id, offset, limit);
    }

    private static Reader utf8(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
