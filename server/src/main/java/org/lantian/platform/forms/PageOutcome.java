package org.lantian.platform.forms;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page form's change ends: back on {@code target} with what was done ({@code done}) or, when the
 * service refused, why ({@code failure}), as flash attributes the page shows above its content.
 */
public final class PageOutcome {

    private PageOutcome() {
    }

    /** Runs {@code change} (which says what it did) and redirects to {@code target}. */
    public static String redirect(RedirectAttributes redirect, String target, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("done", change.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("failure", "未完成：" + e.getMessage());
        }
        return "redirect:" + target;
    }
}
