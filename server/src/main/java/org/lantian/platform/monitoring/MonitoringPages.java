package org.lantian.platform.monitoring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.lantian.platform.geo.Divisions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Station list, station detail and the import page. */
@Controller
class MonitoringPages {

    private final Stations stations;
    private final Ingestion ingestion;
    private final Divisions divisions;
    private final Clock clock;

    MonitoringPages(Stations stations, Ingestion ingestion, Divisions divisions, Clock clock) {
        this.stations = stations;
        this.ingestion = ingestion;
        this.divisions = divisions;
        this.clock = clock;
    }

    @GetMapping("/stations")
    String stations(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) StationClass stationClass,
                    @RequestParam(required = false) String county, Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("date", day);
        model.addAttribute("stationClass", stationClass);
        model.addAttribute("county", county);
        model.addAttribute("classes", StationClass.values());
        model.addAttribute("counties", divisions.countyLevelUnits());
        model.addAttribute("stations", stations.list(day).stream()
                .filter(s -> Stations.HANDAN.equals(s.city()))
                .filter(s -> stationClass == null || s.stationClass() == stationClass)
                .filter(s -> county == null || county.isEmpty() || county.equals(s.countyCode()))
                .toList());
        return "monitoring/stations";
    }

    @GetMapping("/stations/{code}")
    String station(@PathVariable String code, Model model) {
        var history = stations.history(code);
        if (history.isEmpty()) {
            throw new NotFound("站点 " + code);
        }
        model.addAttribute("station", stations.find(code, LocalDate.now(clock)).orElse(history.get(history.size() - 1)));
        model.addAttribute("history", history);
        return "monitoring/station";
    }

    @GetMapping("/imports")
    String imports(Model model) {
        model.addAttribute("batches", ingestion.recentBatches(50));
        return "monitoring/imports";
    }

    @PostMapping("/imports/csv")
    String importCsv(@RequestParam MultipartFile file, @RequestParam(required = false) String reason, Model model) throws IOException {
        return importFile(file, new Ingestion.Submission("csv-upload", "csv", file.getOriginalFilename(), limited(reason)), "csv", model);
    }

    @PostMapping("/imports/china-sites")
    String importChinaSites(@RequestParam MultipartFile file, @RequestParam(required = false) String reason, Model model)
            throws IOException {
        return importFile(file, new Ingestion.Submission("cnemc-public", "china_sites", file.getOriginalFilename(), limited(reason)),
                "china_sites", model);
    }

    /** A reason as the form may send it: at most 500 characters, as the API allows. */
    private static String limited(String reason) {
        if (reason != null && reason.length() > 500) {
            throw new BadInput("修订理由不能超过 500 字");
        }
        return reason;
    }

    private String importFile(MultipartFile file, Ingestion.Submission submission, String format, Model model) throws IOException {
        try {
            RowSource source = format.equals("csv")
                    ? ObservationCsvReader.opening(() -> new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))
                    : sink -> {
                        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                            new ChinaSitesReader(reader).readInto(sink);
                        }
                    };
            model.addAttribute("report", ingestion.ingest(submission, source));
        } catch (BadInput e) {
            model.addAttribute("failure", "文件无法读取：" + e.getMessage());
        }
        return imports(model);
    }
}
