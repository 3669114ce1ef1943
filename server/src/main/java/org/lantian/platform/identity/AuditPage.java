package org.lantian.platform.identity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lantian.standards.BeijingTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log as the office reads it: in Chinese, by person and unit, filterable and paged. */
@Controller
class AuditPage {

    static final int PAGE = 50;

    private final AuditLog audit;
    private final Users users;

    AuditPage(AuditLog audit, Users users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String county,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int offset, Model model) {
        AuditLog.Page page = audit.search(new AuditLog.Filter(actor, action, county,
                from == null ? null : from.atStartOfDay(BeijingTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant()), offset, PAGE);
        Map<String, String> people = new LinkedHashMap<>();
        people.put("system", "系统");
        users.visible().forEach(u -> people.put(u.username(), u.displayName()));
        model.addAttribute("page", page);
        model.addAttribute("people", people);
        model.addAttribute("actions", AuditActions.all());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("county", county);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "identity/audit";
    }
}
