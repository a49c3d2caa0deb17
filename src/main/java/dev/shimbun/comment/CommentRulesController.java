package dev.shimbun.comment;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The site's comment rules at /admin/comments/rules: banned words, suspect words and the
 * most links. A save over somebody else's newer save keeps what was typed and shows what
 * is saved now (409); saving again replaces it.
 */
@Controller
@RequestMapping("/admin/comments/rules")
class CommentRulesController {

	private final CommentRulesService rules;

	CommentRulesController(CommentRulesService rules) {
		this.rules = rules;
	}

	/** The orders an editor may choose as the default, each as the page names it. */
	@ModelAttribute("orderLabels")
	Map<CommentOrder, String> orderLabels() {
		Map<CommentOrder, String> labels = new EnumMap<>(CommentOrder.class);
		for (CommentOrder order : CommentOrder.values()) {
			labels.put(order, this.rules.orderLabel(order));
		}
		return labels;
	}

	@GetMapping
	String rules(Model model) {
		model.addAttribute("rulesForm", this.rules.rulesForm());
		return "admin/comments/rules";
	}

	@PostMapping
	String saveRules(@Valid @ModelAttribute("rulesForm") CommentRulesForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "admin/comments/rules";
		}
		try {
			this.rules.saveRules(form);
		}
		catch (OptimisticLockingFailureException ex) {
			// Keep what was typed, show what is saved now; a second save replaces it.
			CommentRulesForm saved = this.rules.rulesForm();
			form.setVersion(saved.getVersion());
			model.addAttribute("saved", saved);
			response.setStatus(HttpStatus.CONFLICT.value());
			return "admin/comments/rules";
		}
		redirect.addFlashAttribute("notice", "moderation.notice.rulesSaved");
		return "redirect:/admin/comments/rules";
	}

}
