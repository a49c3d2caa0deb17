package dev.shimbun.security;

import java.time.ZoneId;
import java.util.List;

import dev.shimbun.FieldRuleException;
import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member's own account: their password, passkeys, one-time code and recovery
 * codes. Every change ends the account's other sessions on every instance and keeps this
 * one. The enrolment page and the one-time code's set-up are also what a member who must
 * have a second factor sees first ({@link SignInSteps#ENROL}).
 */
@Controller
@RequestMapping("/admin/account")
class AccountController {

	private static final String PENDING_SECRET = AccountController.class.getName() + ".totpSecret";

	private final SecondFactorService factors;

	private final SignInChecks checks;

	private final StaffSessions sessions;

	private final String issuer;

	private final ZoneId zone;

	AccountController(SecondFactorService factors, SignInChecks checks, StaffSessions sessions,
			ShimbunProperties properties) {
		this.factors = factors;
		this.checks = checks;
		this.sessions = sessions;
		this.issuer = properties.site().name();
		this.zone = properties.site().zone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return this.zone;
	}

	@GetMapping
	String account(Authentication authentication, Model model) {
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new OwnPasswordForm());
		}
		model.addAttribute("factors", this.factors.factorsOf(authentication.getName()));
		model.addAttribute("requirement", this.factors.requirement());
		model.addAttribute("maxLabel", PasskeyController.MAX_LABEL);
		return "admin/account/index";
	}

	@PostMapping("/password")
	String changePassword(@Valid @ModelAttribute("passwordForm") OwnPasswordForm form, BindingResult result,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			String username = authentication.getName();
			try {
				this.checks.changeOwnPassword(username, GuardedAuthenticationProvider.client(authentication),
						form.getCurrentPassword(), form.getPassword());
				this.sessions.keepCurrentAfterChangeOf(username, request, response);
				redirect.addFlashAttribute("notice", "account.notice.passwordChanged");
				return "redirect:/admin/account";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return account(authentication, model);
	}

	/** Choosing a second factor: a passkey, or the one-time code. */
	@GetMapping("/second-factor")
	String secondFactor(Authentication authentication, Model model) {
		model.addAttribute("factors", this.factors.factorsOf(authentication.getName()));
		model.addAttribute("required", SignInSteps.ENROL.equals(SignInSteps.owed(authentication)));
		model.addAttribute("maxLabel", PasskeyController.MAX_LABEL);
		return "admin/account/second-factor";
	}

	/** The one-time code's set-up: a new secret as a QR code and as text. */
	@GetMapping("/totp")
	String totp(Authentication authentication, HttpSession session, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		String uri = Totp.uri(this.issuer, authentication.getName(), secret);
		model.addAttribute("qr", QrCode.of(uri));
		model.addAttribute("secret", Totp.grouped(secret));
		model.addAttribute("required", SignInSteps.ENROL.equals(SignInSteps.owed(authentication)));
		return "admin/account/totp";
	}

	@PostMapping("/totp")
	String enableTotp(@RequestParam(required = false) String code, Authentication authentication, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/admin/account/totp";
		}
		try {
			List<String> codes = this.factors.enableTotp(authentication.getName(), secret, code);
			session.removeAttribute(PENDING_SECRET);
			this.sessions.complete(authentication.getName(), SignInSteps.CODE_FACTOR, request, response);
			redirect.addFlashAttribute("recoveryCodes", codes);
			redirect.addFlashAttribute("notice", "account.notice.totpEnabled");
			return "redirect:/admin/account/recovery-codes";
		}
		catch (FieldRuleException ex) {
			model.addAttribute("codeError", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return totp(authentication, session, model);
		}
	}

	@PostMapping("/totp/remove")
	String removeTotp(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			if (!this.factors.removeTotp(authentication.getName())) {
				return "redirect:/admin/account";
			}
		}
		catch (FieldRuleException ex) {
			model.addAttribute("factorError", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return account(authentication, model);
		}
		this.sessions.keepCurrentAfterChangeOf(authentication.getName(), request, response);
		redirect.addFlashAttribute("notice", "account.notice.totpRemoved");
		return "redirect:/admin/account";
	}

	@PostMapping("/recovery-codes/new")
	String renewRecoveryCodes(Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("recoveryCodes", this.factors.renewRecoveryCodes(authentication.getName()));
		}
		catch (FieldRuleException ex) {
			model.addAttribute("factorError", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return account(authentication, model);
		}
		redirect.addFlashAttribute("notice", "account.notice.recoveryRenewed");
		return "redirect:/admin/account/recovery-codes";
	}

	/** New recovery codes, shown this once (they are in the flash attributes only). */
	@GetMapping("/recovery-codes")
	String recoveryCodes(Model model) {
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:/admin/account";
		}
		return "admin/account/recovery-codes";
	}

	@PostMapping("/passkeys/{id}/remove")
	String removePasskey(@PathVariable String id, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			if (!this.factors.removePasskey(authentication.getName(), id)) {
				throw new PasskeyNotFoundException();
			}
		}
		catch (FieldRuleException ex) {
			model.addAttribute("factorError", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return account(authentication, model);
		}
		this.sessions.keepCurrentAfterChangeOf(authentication.getName(), request, response);
		redirect.addFlashAttribute("notice", "account.notice.passkeyRemoved");
		return "redirect:/admin/account";
	}

}
