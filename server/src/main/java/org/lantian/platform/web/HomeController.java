package org.lantian.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.lantian.platform.airquality.AirQualityNow;
import org.lantian.platform.airquality.AirQualityTargets;
import org.lantian.platform.airquality.KeyCities;
import org.lantian.platform.airquality.KeyCityRanking;
import org.lantian.platform.airquality.OfficialRankings;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.monitoring.Ingestion;
import org.lantian.platform.monitoring.StationClass;
import org.lantian.platform.monitoring.Stations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what is in the platform now, and where to go. */
@Controller
class HomeController {

    private final Stations stations;
    private final Ingestion ingestion;
    private final AirQualityNow airQuality;
    private final AirQualityTargets targets;
    private final KeyCityRanking keyCities;
    private final OfficialRankings official;
    private final Clock clock;
    private final org.lantian.platform.airquality.RecomputationFailures failures;
    private final org.lantian.platform.identity.Actors actors;

    HomeController(Stations stations, Ingestion ingestion, AirQualityNow airQuality, AirQualityTargets targets,
                   KeyCityRanking keyCities, OfficialRankings official, Clock clock,
                   org.lantian.platform.airquality.RecomputationFailures failures, org.lantian.platform.identity.Actors actors) {
        this.failures = failures;
        this.actors = actors;
        this.stations = stations;
        this.ingestion = ingestion;
        this.airQuality = airQuality;
        this.targets = targets;
        this.keyCities = keyCities;
        this.official = official;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        if (actors.current().enterpriseCode() != null) {
            return "redirect:/enterprises/" + actors.current().enterpriseCode();   // an enterprise's home is its own file
        }
        var visible = stations.list(LocalDate.now(clock)).stream().filter(s -> Stations.HANDAN.equals(s.city())).toList();
        model.addAttribute("stationCount", visible.size());
        model.addAttribute("nationalCount", visible.stream().filter(s -> s.stationClass() == StationClass.NATIONAL).count());
        model.addAttribute("demoCount", visible.stream().filter(s -> s.demo()).count());
        model.addAttribute("imports", ingestion.recentBatches(5));
        model.addAttribute("now", airQuality.now().orElse(null));
        model.addAttribute("progress", targets.progress(LocalDate.now(clock).getYear(), Divisions.CITY_CODE).orElse(null));
        model.addAttribute("year", LocalDate.now(clock).minusDays(1).getYear());
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        model.addAttribute("keyCities", keyCities.rank(KeyCities.KEY_CITIES_168, yesterday.withDayOfYear(1), yesterday));
        OfficialRankings.Table latest = official.latest(KeyCities.KEY_CITIES_168).orElse(null);
        model.addAttribute("officialTable", latest);
        model.addAttribute("officialHandan", latest == null ? null : latest.of(KeyCities.HANDAN).orElse(null));
        model.addAttribute("recomputeFailures", actors.current().isCityOffice() ? failures.open(5) : List.of());
        return "web/home";
    }
}
