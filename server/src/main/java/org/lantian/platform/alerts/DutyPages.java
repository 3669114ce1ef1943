package org.lantian.platform.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.lantian.standards.BeijingTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duty page (roster, handovers, instructions) and an instruction's page. */
@Controller
class DutyPages {

    private final Duty duty;
    private final Instructions instructions;
    private final Webhooks webhooks;
    private final DutyUnits units;
    private final Divisions divisions;
    private final Actors actors;
    private final Clock clock;

    DutyPages(Duty duty, Instructions instructions, Webhooks webhooks, DutyUnits units, Divisions divisions, Actors actors, Clock clock) {
        this.webhooks = webhooks;
        this.duty = duty;
        this.instructions = instructions;
        this.units = units;
        this.divisions = divisions;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/alerts/duty")
    String duty(Model model) {
        LocalDate today = AlertTimes.date(clock.instant());
        Actor me = actors.current();
        model.addAttribute("today", today);
        model.addAttribute("roster", duty.roster(today, today.plusDays(6)));
        model.addAttribute("handovers", duty.handovers(20));
        model.addAttribute("instructions", instructions.list());
        model.addAttribute("ownUnit", DutyUnits.of(me));
        model.addAttribute("ownUnitName", DutyUnits.of(me) == null ? null : units.name(DutyUnits.of(me)));
        model.addAttribute("keepableUnits", keepableUnits(me));
        model.addAttribute("counties", divisions.countyLevelUnits());
        return "alerts/duty";
    }

    /** The units whose roster the actor keeps: its own, or every county and the city office for the city office. */
    private List<String[]> keepableUnits(Actor me) {
        List<String[]> out = new ArrayList<>();
        if (me.isCityOffice()) {
            out.add(new String[] {DutyUnits.CITY_OFFICE, units.name(DutyUnits.CITY_OFFICE)});
            divisions.countyLevelUnits().forEach(d -> out.add(new String[] {d.code(), d.shortName()}));
        } else if (DutyUnits.of(me) != null && DutyUnits.mayKeep(me, DutyUnits.of(me))) {
            out.add(new String[] {DutyUnits.of(me), units.name(DutyUnits.of(me))});
        }
        return out;
    }

    @PostMapping("/alerts/duty")
    String setDuty(@RequestParam String unit, @RequestParam LocalDate day, @RequestParam String person,
                   @RequestParam(required = false) String phone, @RequestParam(required = false) String leader,
                   @RequestParam(required = false) String leaderPhone, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> duty.set(unit, day, person, phone, leader, leaderPhone, null));
        return "redirect:/alerts/duty";
    }

    @PostMapping("/alerts/handovers")
    String handOver(@RequestParam String unit, @RequestParam String fromPerson, @RequestParam String toPerson,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> duty.handOver(unit, fromPerson, toPerson, note));
        return "redirect:/alerts/duty";
    }

    @PostMapping("/alerts/instructions")
    String issue(@RequestParam String title, @RequestParam String body, @RequestParam(required = false) List<String> units,
                 @RequestParam(required = false) String departments, @RequestParam(required = false) LocalDateTime dueAt,
                 RedirectAttributes redirect) {
        List<String> to = new ArrayList<>(units == null ? List.of() : units);
        if (departments != null) {
            for (String d : departments.split("[,，、;；\\s]+")) {
                if (!d.isBlank()) {
                    to.add(d.strip());
                }
            }
        }
        Instant due = dueAt == null ? null : dueAt.atZone(BeijingTime.ZONE).toInstant();
        PageActions.attempt(redirect, () -> instructions.issue(title, body, to, due, null));
        return "redirect:/alerts/duty";
    }

    /** The units' webhooks and their delivery logs (city office). */
    @GetMapping("/alerts/webhooks")
    String webhooks(@RequestParam(required = false) Long show, Model model) {
        List<Webhooks.Webhook> hooks = webhooks.list();
        model.addAttribute("hooks", hooks);
        model.addAttribute("unitNames", hooks.stream().collect(java.util.stream.Collectors.toMap(Webhooks.Webhook::unit, h -> units.name(h.unit()),
                (a, b) -> a)));
        model.addAttribute("shown", show);
        model.addAttribute("deliveries", show == null ? List.of() : webhooks.deliveries(show, 50));
        model.addAttribute("counties", divisions.countyLevelUnits());
        return "alerts/webhooks";
    }

    @PostMapping("/alerts/webhooks")
    String register(@RequestParam String unit, @RequestParam String url, @RequestParam String secret,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> webhooks.register(unit, url, secret, reason));
        return "redirect:/alerts/webhooks";
    }

    @PostMapping("/alerts/webhooks/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> {
            webhooks.enable(id, enabled, null);
            return id;
        });
        return "redirect:/alerts/webhooks";
    }

    @GetMapping("/alerts/instructions/{id}")
    String instruction(@PathVariable long id, Model model) {
        Instructions.Instruction instruction = instructions.open(id);
        model.addAttribute("i", instruction);
        List<Instructions.Receipt> receipts = instructions.receipts(id);
        String ownUnit = DutyUnits.of(actors.current());
        model.addAttribute("receipts", receipts);
        model.addAttribute("isTarget", receipts.stream().anyMatch(r -> r.unit().equals(ownUnit)));
        model.addAttribute("ownReceipt", receipts.stream().filter(r -> r.unit().equals(ownUnit)).findFirst().orElse(null));
        model.addAttribute("now", clock.instant());
        return "alerts/instruction";
    }

    @PostMapping("/alerts/instructions/{id}/read")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> instructions.acknowledge(id));
        return "redirect:/alerts/instructions/" + id;
    }

    @PostMapping("/alerts/instructions/{id}/reply")
    String reply(@PathVariable long id, @RequestParam String reply, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> instructions.reply(id, reply));
        return "redirect:/alerts/instructions/" + id;
    }

}
