package org.lantian.platform.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone in the field (/m): a county's inbox, one ticket with its receipt and its report (photos taken on
 * the phone, the phone's position), and the duty roster, as an installable web app. A report written without
 * a connection is kept on the phone and sent when it is back (static/js/field.js); the server stores it once
 * by the key the phone gave it ({@link Tickets.Report#clientKey()}).
 */
@Controller
class FieldPages {

    private static final int INBOX_ROWS = 200;

    private final Tickets tickets;
    private final Duty duty;
    private final Instructions instructions;
    private final Actors actors;
    private final Clock clock;

    FieldPages(Tickets tickets, Duty duty, Instructions instructions, Actors actors, Clock clock) {
        this.tickets = tickets;
        this.duty = duty;
        this.instructions = instructions;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/m")
    String inbox(Model model) {
        Instant now = clock.instant();
        List<Ticket> open = tickets.list(new Tickets.Filter(null, null, null, null, null, null, true), INBOX_ROWS).stream()
                .sorted(Comparator.comparing(Ticket::currentDue)).toList();
        model.addAttribute("tickets", open);
        model.addAttribute("now", now);
        model.addAttribute("overdue", open.stream().filter(t -> t.overdueAt(now)).count());
        model.addAttribute("unreadInstructions", instructions.unreadByOwnUnit());
        return "alerts/field/inbox";
    }

    @GetMapping("/m/tickets/{id}")
    String ticket(@PathVariable long id, Model model) {
        Ticket t = tickets.get(id);
        Actor me = actors.current();
        model.addAttribute("t", t);
        model.addAttribute("now", clock.instant());
        List<Tickets.TimelineEntry> timeline = new java.util.ArrayList<>(tickets.timeline(id));
        java.util.Collections.reverse(timeline); // the latest first: what the phone's user needs to see
        model.addAttribute("timeline", timeline);
        model.addAttribute("mayAct", Tickets.mayAct(me, t));
        model.addAttribute("causes", CauseCategory.values());
        model.addAttribute("actionLabels", Tickets.ACTION_LABELS);
        return "alerts/field/ticket";
    }

    @PostMapping("/m/tickets/{id}/receive")
    String receive(@PathVariable long id, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> tickets.receive(id, "移动端签收"));
        return "redirect:/m/tickets/" + id;
    }

    @PostMapping("/m/tickets/{id}/dispose")
    String dispose(@PathVariable long id, RedirectAttributes redirect) {
        PageActions.attempt(redirect, () -> tickets.startDisposal(id, "已赶赴现场（移动端）"));
        return "redirect:/m/tickets/" + id;
    }

    @GetMapping("/m/duty")
    String duty(Model model) {
        LocalDate today = AlertTimes.date(clock.instant());
        model.addAttribute("today", today);
        model.addAttribute("roster", duty.roster(today, today.plusDays(6)));
        model.addAttribute("handovers", duty.handovers(5));
        return "alerts/field/duty";
    }

    /** The app's manifest: what a phone needs to install it to the home screen. */
    @GetMapping(path = "/m/manifest.webmanifest", produces = "application/manifest+json")
    ResponseEntity<Resource> manifest() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType("application/manifest+json"))
                .body(new ClassPathResource("static/field/manifest.webmanifest"));
    }

    /** The service worker, served from /m so that its scope is the app's pages. */
    @GetMapping(path = "/m/sw.js", produces = "text/javascript")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType("text/javascript"))
                .header("Service-Worker-Allowed", "/m").body(new ClassPathResource("static/field/sw.js"));
    }

}
