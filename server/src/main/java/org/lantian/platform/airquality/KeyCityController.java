package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.platform.monitoring.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/airquality")
@Tag(name = "重点城市排名", description = "Handan among the 168 key cities and Hebei's cities: provisional ranking from the "
        + "national network's public data, official tables as published, the bottom-10 line")
class KeyCityController {

    private final KeyCityRanking ranking;
    private final OfficialRankings official;
    private final NationalNetwork network;

    KeyCityController(KeyCityRanking ranking, OfficialRankings official, NationalNetwork network) {
        this.ranking = ranking;
        this.official = official;
        this.network = network;
    }

    @GetMapping("/rankings/key-cities")
    @Operation(summary = "The provisional ranking of a city list (KEY_CITIES_168 or HEBEI_CITIES) for from–to inclusive, "
            + "with the official places where a table for exactly that period was imported, and the bottom-10 line")
    KeyCityRanking.Result keyCities(@RequestParam(defaultValue = "KEY_CITIES_168") KeyCities list,
                                    @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ranking.rank(list, from, to);
    }

    @PostMapping(value = "/rankings/official", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a published ranking table (city office): CSV 排名,城市[,综合指数]; all lines or none")
    OfficialRankings.Table importOfficial(@RequestParam KeyCities list, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                          @RequestParam String source, @RequestPart MultipartFile file) throws IOException {
        try (Reader reader = Uploads.reader(file)) {
            return official.importTable(list, from, to, source, reader);
        }
    }

    @GetMapping("/rankings/official")
    @Operation(summary = "The latest imported official table of a list for exactly from–to; 404 when none was imported")
    OfficialRankings.Table officialTable(@RequestParam KeyCities list, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return official.find(list, from, to).orElseThrow(() -> new NotFound("官方排名 " + list + " " + from + "–" + to));
    }

    @PostMapping(value = "/network/station-list", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace the national station list that maps stations to cities (city office); city days are recomputed")
    NationalNetwork.StationListReport stationList(@RequestPart MultipartFile file, @RequestParam(required = false) String reason)
            throws IOException {
        try (Reader reader = Uploads.reader(file)) {
            return network.importStationList(reader, reason);
        }
    }

    @PostMapping(value = "/network/hourly-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import national-network daily files (china_sites_YYYYMMDD.csv) for every city (city office), in the "
            + "order given; each file is stored and its station and city days recomputed in its own transaction")
    List<NationalNetwork.HourlyFileReport> hourlyFiles(@RequestPart("file") List<MultipartFile> files) throws IOException {
        List<NationalNetwork.HourlyFileReport> reports = new ArrayList<>();
        for (MultipartFile file : files) {
            try (Reader reader = Uploads.reader(file)) {
                reports.add(network.importHourlyFile(reader, file.getOriginalFilename()));
            }
        }
        return reports;
    }
}
