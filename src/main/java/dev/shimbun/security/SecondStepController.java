package dev.shimbun.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a sign-in, after a right password: a one-time code from the member's
 * app, a recovery code, or (with the page's script) a passkey. Each try is counted by the
 * same {@link SignInGuard} as passwords, so wrong codes lock the account and address as
 * wrong passwords do. A wrong or reused code is a 422 with the form again.
 */
@Controller
@RequestMapping(SignInSteps.SECOND_FACTOR_PAGE)
class SecondStepController {

	private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("H:mm");

	private final SecondFactorService factors;

	private final SignInChecks checks;

	private final StaffSessions sessions;

	private final ZoneId zone;

	SecondStepController(SecondFactorService factors, SignInChecks checks, StaffSessions sessions,
			ShimbunProperties properties) {
		this.factors = factors;
		this.checks = checks;
		this.sessions = sessions;
		this.zone = properties.site().zone();
	}

	@GetMapping
	String page(Authentication authentication, Model model) {
		if (!SignInSteps.SECOND_FACTOR.equals(SignInSteps.owed(authentication))) {
			// nothing owed here: signed in already, or enrolment is the step
			String step = SignInSteps.owed(authentication);
			return "redirect:" + ((step != null) ? SignInSteps.pageOf(step) : "/admin");
		}
		model.addAttribute("factors", this.factors.factorsOf(authentication.getName()));
		return "admin/login-code";
	}

	@PostMapping
	String check(@RequestParam(required = false) String code, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!SignInSteps.SECOND_FACTOR.equals(SignInSteps.owed(authentication))) {
			return page(authentication, model);
		}
		String username = authentication.getName();
		SignInChecks.SecondStep step = this.checks.secondStep(username, code,
				GuardedAuthenticationProvider.client(authentication));
		if (step.result() == null) {
			if (step.busy()) {
				model.addAttribute("errorKey", "login.error.busy");
			}
			else {
				model.addAttribute("errorKey", "login.error.locked");
				model.addAttribute("retryAt", RETRY_TIME.format(step.lockedUntil().atZone(this.zone)));
			}
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return page(authentication, model);
		}
		if (!step.accepted()) {
			model.addAttribute("errorKey", (step.result() == SecondFactorService.CodeCheck.REUSED)
					? "login.code.error.reused" : "login.code.error.wrong");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(authentication, model);
		}
		this.sessions.complete(username, SignInSteps.CODE_FACTOR, request, response);
		if (step.result() == SecondFactorService.CodeCheck.RECOVERY_CODE) {
			redirect.addFlashAttribute("notice", "login.code.recoveryUsed");
		}
		return "redirect:" + SignInSteps.destination(request, response);
	}

}
