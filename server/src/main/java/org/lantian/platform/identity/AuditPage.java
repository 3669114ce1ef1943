package org.lantian.platform.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditPage {

    private final AuditLog audit;

    AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.recent(500));
        return "identity/audit";
    }
}
