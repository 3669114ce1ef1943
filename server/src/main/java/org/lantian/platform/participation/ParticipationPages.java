package org.lantian.platform.participation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city office's intake page for the public's reports: read, see the photos, push to the county, answer or dismiss. */
@Controller
class ParticipationPages {

    private final PublicReports reports;
    private final Divisions divisions;

    ParticipationPages(PublicReports reports, Divisions divisions) {
        this.reports = reports;
        this.divisions = divisions;
    }

    @GetMapping("/participation")
    String intake(@RequestParam(defaultValue = "true") boolean waiting, Model model) {
        List<PublicReports.Intake> queue = reports.intake(waiting);
        Map<Long, String> places = new LinkedHashMap<>();
        Map<Long, List<PublicReports.Photo>> photos = new LinkedHashMap<>();
        for (PublicReports.Intake r : queue) {
            places.put(r.id(), r.lon() == null ? null : divisions.locate(r.lon().doubleValue(), r.lat().doubleValue())
                    .map(Division::shortName).orElse("邯郸市域外"));
            photos.put(r.id(), r.photos() == 0 ? List.of() : reports.photos(r.id()));
        }
        model.addAttribute("reports", queue);
        model.addAttribute("places", places);
        model.addAttribute("photos", photos);
        model.addAttribute("waiting", waiting);
        model.addAttribute("counties", divisions.countyLevelUnits());
        return "participation/intake";
    }

    @PostMapping("/participation/reports/{id}/push")
    String push(@PathVariable long id, @RequestParam(required = false) String countyCode, RedirectAttributes redirect) {
        return org.lantian.platform.forms.PageOutcome.redirect(redirect, "/participation", () -> "已推送为工单 #" + reports.push(id, countyCode).id());
    }

    @PostMapping("/participation/reports/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, @RequestParam(defaultValue = "false") boolean dismiss,
                  RedirectAttributes redirect) {
        return org.lantian.platform.forms.PageOutcome.redirect(redirect, "/participation", () -> (dismiss ? "已不予受理：" : "已答复：") + reports.answer(id, answer, dismiss).code());
    }
}
