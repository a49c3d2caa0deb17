package dev.shimbun.category;

import dev.shimbun.FieldRuleException;
import jakarta.validation.Valid;

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
 * Categories, for editors: one page with the categories in menu order, a form to rename
 * each, buttons to move each up or down and a form to create one. The top and bottom main
 * menus follow at once. The forms' own rules are Bean Validation on {@link CategoryForm}
 * and {@link RenameForm}; a name or slug already taken comes from the service as a
 * {@link FieldRuleException}.
 */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminController {

	private final CategoryService categories;

	CategoryAdminController(CategoryService categories) {
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categoryForm", new CategoryForm());
		return render(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.categories.create(form);
				redirect.addFlashAttribute("notice", "categories.notice.created");
				return "redirect:/admin/categories";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		return render(model);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable Long id, @Valid @ModelAttribute("categoryRenameForm") RenameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.categories.rename(id, form.getName());
				redirect.addFlashAttribute("notice", "categories.notice.renamed");
				return "redirect:/admin/categories";
			}
			catch (FieldRuleException ex) {
				ex.rejectIn(result);
			}
		}
		model.addAttribute("renamingId", id);
		model.addAttribute("categoryForm", new CategoryForm());
		return render(model);
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable Long id, @RequestParam Direction direction, RedirectAttributes redirect) {
		this.categories.move(id, direction == Direction.UP);
		redirect.addFlashAttribute("notice", "categories.notice.moved");
		return "redirect:/admin/categories";
	}

	/** Which way a category moves in the menus. */
	enum Direction {

		UP, DOWN

	}

	private String render(Model model) {
		model.addAttribute("categories", this.categories.menu());
		return "admin/categories/list";
	}

}
