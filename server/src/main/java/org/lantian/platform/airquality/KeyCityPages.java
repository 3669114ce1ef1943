package org.lantian.platform.airquality;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantian.platform.monitoring.BadInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The key-city ranking page: Handan among the 168 and among Hebei's cities, with the imports that feed it. */
@Controller
class KeyCityPages {

    private final KeyCityRanking ranking;
    private final OfficialRankings official;
    private final NationalNetwork network;
    private final Clock clock;

    KeyCityPages(KeyCityRanking ranking, OfficialRankings official, NationalNetwork network, Clock clock) {
        this.ranking = ranking;
        this.official = official;
        this.network = network;
        this.clock = clock;
    }

    @GetMapping("/airquality/key-cities")
    String page(@RequestParam(defaultValue = "KEY_CITIES_168") KeyCities list,
                @RequestParam(defaultValue = "YEAR_TO_DATE") RankingPeriod period,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate[] range = period.range(LocalDate.now(clock), from, to);
        model.addAttribute("list", list);
        model.addAttribute("lists", List.of(KeyCities.KEY_CITIES_168, KeyCities.HEBEI_CITIES));
        model.addAttribute("period", period);
        model.addAttribute("periods", RankingPeriod.values());
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        model.addAttribute("result", list.computed() && !range[1].isBefore(range[0]) ? ranking.rank(list, range[0], range[1]) : null);
        OfficialRankings.Table latest = official.latest(KeyCities.KEY_CITIES_168).orElse(null);
        model.addAttribute("latestOfficial", latest);
        model.addAttribute("latestOfficialHandan", latest == null ? null : latest.of(KeyCities.HANDAN).orElse(null));
        model.addAttribute("importLists", KeyCities.values());
        return "airquality/key-cities";
    }

    @PostMapping("/airquality/key-cities/hourly-files")
    String importHourlyFiles(@RequestParam("file") List<MultipartFile> files, Model model) throws IOException {
        List<NationalNetwork.HourlyFileReport> reports = new ArrayList<>();
        try {
            for (MultipartFile file : files) {
                try (Reader reader = Uploads.reader(file)) {
                    reports.add(network.importHourlyFile(reader, file.getOriginalFilename()));
                }
            }
        } catch (BadInput e) {
            model.addAttribute("failure", "文件无法读取：" + e.getMessage());
        }
        model.addAttribute("reports", reports);
        return page(KeyCities.KEY_CITIES_168, RankingPeriod.YEAR_TO_DATE, null, null, model);
    }

    @PostMapping("/airquality/key-cities/official")
    String importOfficial(@RequestParam KeyCities list, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam String source,
                          @RequestParam MultipartFile file, Model model) throws IOException {
        try (Reader reader = Uploads.reader(file)) {
            OfficialRankings.Table table = official.importTable(list, from, to, source, reader);
            model.addAttribute("imported", table);
        } catch (BadInput | IllegalArgumentException e) {
            model.addAttribute("failure", e.getMessage());
        }
        boolean computed = list.computed();
        return page(computed ? list : KeyCities.KEY_CITIES_168, RankingPeriod.CUSTOM, from, to, model);
    }
}
