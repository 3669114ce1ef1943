package org.lantian.platform.alerts;

import java.util.function.Supplier;

import org.lantian.platform.identity.AccessDenied;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How the alert pages run a change from a form: a refusal becomes the message the next page shows. */
final class PageActions {

    private PageActions() {
    }

    static boolean attempt(RedirectAttributes redirect, Supplier<Object> change) {
        try {
            change.get();
            return true;
        } catch (IllegalArgumentException | IllegalStateException | AccessDenied e) {
            redirect.addFlashAttribute("failure", "未完成：" + e.getMessage());
            return false;
        }
    }
}
