package org.lantian.platform.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final IdentityProperties properties;

    LoginController(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException) {
            model.addAttribute("failure", "账户已锁定：连续 " + properties.maxFailedLogins() + " 次密码错误，请 "
                    + properties.lockout().toMinutes() + " 分钟后再试，或联系市大气办解锁。");
        } else if (failure != null) {
            model.addAttribute("failure", "用户名或密码错误。");
        }
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return "identity/login";
    }
}
