package org.lantian.platform.identity;

import jakarta.servlet.http.HttpSession;
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
        // one answer for an unknown name, a wrong password and a throttled address: nothing to learn from it
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) != null) {
            model.addAttribute("failure", "用户名或密码错误；多次输错后，本机需等待 " + properties.lockout().toMinutes() + " 分钟再试。");
        }
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return "identity/login";
    }
}
