package dev.shimbun.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("H:mm");

	private final ZoneId zone;

	LoginController(ShimbunProperties properties) {
		this.zone = properties.site().zone();
	}

	@GetMapping("/admin/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object exception = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			if (exception instanceof SignInLockedException locked) {
				model.addAttribute("errorKey", "login.error.locked");
				model.addAttribute("retryAt", RETRY_TIME.format(locked.getRetryAt().atZone(this.zone)));
			}
			else if (exception instanceof SignInBusyException) {
				model.addAttribute("errorKey", "login.error.busy");
			}
			else {
				// Unknown users, wrong passwords and disabled accounts get the same
				// answer.
				model.addAttribute("errorKey", "login.error.credentials");
			}
		}
		return "admin/login";
	}

}
