package dev.shimbun.security;

import java.time.ZoneId;
import java.util.Arrays;

import dev.shimbun.FieldRuleException;
import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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
 * Staff accounts, for ADMINs: list, create, change role or name, disable, reset password.
 * A form with errors comes back with them and a 422 status: the forms' own rules are Bean
 * Validation, the rules of {@link StaffService} (a user name taken, the last admin) come
 * as a {@link FieldRuleException}. A taken user name is looked up before saving too, so
 * that it is reported together with the form's other errors. Disabling an account,
 * changing its role or its password ends its sessions ({@link StaffSessionCheck}); an
 * ADMIN who resets their own password stays signed in here.
 */
@Controller
@RequestMapping("/admin/users")
class StaffAdminController {

	private final StaffService staff;

	private final StaffSessions sessions;

	private final SecondFactorService factors;

	private final ZoneId zone;

	StaffAdminController(StaffService staff, StaffSessions sessions, SecondFactorService factors,
			ShimbunProperties properties) {
		this.staff = staff;
		this.sessions = sessions;
		this.factors = factors;
		this.zone = properties.site().zone();
	}

	@ModelAttribute("roles")
	StaffRole[] roles() {
		return StaffRole.values();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return this.zone;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.staff.all());
		model.addAttribute("factors", this.factors.allFactors());
		model.addAttribute("requirement", this.factors.requirement());
		model.addAttribute("requirements", SecondFactorRequirement.values());
		return "admin/users/list";
	}

	/** Who must have a second factor. An unknown value is a 422 with the list again. */
	@PostMapping("/policy")
	String changeRequirement(@RequestParam(required = false) String required, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		SecondFactorRequirement requirement = Arrays.stream(SecondFactorRequirement.values())
			.filter((candidate) -> candidate.name().equals(required))
			.findFirst()
			.orElse(null);
		if (requirement == null) {
			model.addAttribute("policyError", "staff.policy.error");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
		this.factors.changeRequirement(requirement);
		redirect.addFlashAttribute("notice", "staff.notice.policyChanged");
		return "redirect:/admin/users";
	}

	/**
	 * Removes every second factor of an account; it must set up a new one at its next
	 * sign-in, and its sessions end.
	 */
	@PostMapping("/{id}/factors/reset")
	String resetFactors(@PathVariable Long id, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffView user = this.staff.get(id);
		this.factors.reset(id);
		this.sessions.keepCurrentAfterChangeOf(user.username(), request, response);
		redirect.addFlashAttribute("notice", "staff.notice.factorsReset");
		return "redirect:/admin/users/" + id + "/edit";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new StaffCreateForm());
		return "admin/users/new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") StaffCreateForm form, BindingResult result,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && this.staff.usernameTaken(form.getUsername())) {
			result.rejectValue("username", "staff.error.usernameTaken");
		}
		if (!result.hasErrors()) {
			try {
				this.staff.create(form);
				redirect.addFlashAttribute("notice", "staff.notice.created");
				return "redirect:/admin/users";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "admin/users/new";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		StaffView user = this.staff.get(id);
		model.addAttribute("user", user);
		model.addAttribute("form", StaffEditForm.from(user));
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("factors", this.factors.factorsOf(user.username()));
		return "admin/users/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @Valid @ModelAttribute("form") StaffEditForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.staff.update(id, form);
				redirect.addFlashAttribute("notice", "staff.notice.updated");
				return "redirect:/admin/users";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("user", this.staff.get(id));
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("factors", this.factors.factorsOf(this.staff.get(id).username()));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "admin/users/edit";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable Long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffView user = this.staff.get(id);
		if (!result.hasErrors()) {
			try {
				this.staff.resetPassword(id, form.getPassword());
				this.sessions.keepCurrentAfterChangeOf(user.username(), request, response);
				redirect.addFlashAttribute("notice", "staff.notice.passwordReset");
				return "redirect:/admin/users";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("user", user);
		model.addAttribute("form", StaffEditForm.from(user));
		model.addAttribute("factors", this.factors.factorsOf(user.username()));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "admin/users/edit";
	}

}
