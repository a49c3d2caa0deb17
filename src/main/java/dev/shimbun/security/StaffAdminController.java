package dev.shimbun.security;

import dev.shimbun.FieldRuleException;
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

	StaffAdminController(StaffService staff, StaffSessions sessions) {
		this.staff = staff;
		this.sessions = sessions;
	}

	@ModelAttribute("roles")
	StaffRole[] roles() {
		return StaffRole.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.staff.all());
		return "admin/users/list";
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
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "admin/users/edit";
	}

}
