package dev.shimbun.ranking;

import java.util.List;

import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
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
 * The curated lists, for editors. One form per list that works without JavaScript: the
 * buttons to move, delete, search and add send the whole form back and get it again with
 * the change made but not saved; only 保存する saves, all entries at once.
 */
@Controller
@RequestMapping("/admin/lists")
class ListAdminController {

	/** Articles shown for one search. */
	static final int SEARCH_LIMIT = 20;

	private final ListAdminService lists;

	private final ArticleService articles;

	private final ListFormValidator validator = new ListFormValidator();

	ListAdminController(ListAdminService lists, ArticleService articles) {
		this.lists = lists;
		this.articles = articles;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("lists", this.lists.rows());
		return "admin/lists/index";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		model.addAttribute("form", this.lists.editForm(id));
		return render(id, null, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") ListForm form, BindingResult result,
			@RequestParam(defaultValue = "") String action, @RequestParam(required = false) String q, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Action requested = Action.parse(action);
		if (requested.kind() == Action.Kind.SAVE) {
			return save(id, form, result, q, model, redirect, response);
		}
		// Rows are moved only when every row's input was understood, so that an error
		// message stays next to the input it belongs to.
		if (!result.hasErrors()) {
			switch (requested.kind()) {
				case UP -> form.moveUp(requested.index());
				case DOWN -> form.moveDown(requested.index());
				case DELETE -> form.remove(requested.index());
				case ADD -> add(form, requested.articleId());
				default -> {
				}
			}
		}
		return render(id, q, model);
	}

	private String save(Long id, ListForm form, BindingResult result, String q, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		this.validator.validate(form, result);
		if (result.hasErrors()) {
			return render(id, q, model);
		}
		try {
			this.lists.save(id, form);
		}
		catch (OptimisticLockingFailureException ex) {
			// Keep what the editor typed, show what is saved now, and let a second save
			// knowingly replace it.
			ListForm saved = this.lists.editForm(id);
			form.setVersion(saved.getVersion());
			model.addAttribute("saved", saved);
			model.addAttribute("savedArticles", this.lists.entryArticles(saved.articleIds()));
			model.addAttribute("lastChange", this.lists.lastChange(id).orElse(null));
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(id, q, model);
		}
		catch (MissingArticlesException ex) {
			for (int index = 0; index < form.getEntries().size(); index++) {
				if (ex.articleIds().contains(form.getEntries().get(index).getArticleId())) {
					result.rejectValue("entries[" + index + "].articleId", "lists.error.missingArticle",
							new Object[] { index + 1 }, null);
				}
			}
			return render(id, q, model);
		}
		redirect.addFlashAttribute("notice", "lists.notice.saved");
		return "redirect:/admin/lists";
	}

	private void add(ListForm form, Long articleId) {
		if (articleId != null && !this.lists.entryArticles(List.of(articleId)).isEmpty()) {
			form.add(articleId);
		}
	}

	private String render(Long id, String q, Model model) {
		ListForm form = (ListForm) model.getAttribute("form");
		model.addAttribute("list", this.lists.row(id));
		model.addAttribute("articles", this.lists.entryArticles(form.articleIds()));
		model.addAttribute("maxEntries", CuratedList.MAX_ENTRIES);
		model.addAttribute("modes", ListMode.values());
		model.addAttribute("q", q);
		List<ArticleSummary> results = (q != null && !q.isBlank())
				? this.articles.findPublishedByHeadline(q, SEARCH_LIMIT) : null;
		model.addAttribute("results", results);
		return "admin/lists/edit";
	}

	/**
	 * What a button of the form asks for: {@code save}, {@code search}, {@code up:2},
	 * {@code down:2}, {@code delete:2} (0-based row index; the article editor's row
	 * actions are named the same) or {@code add:41} (article id). Anything else (the
	 * Enter key in a field, say) just shows the form again.
	 */
	record Action(Kind kind, long argument) {

		enum Kind {

			SAVE, REFRESH, UP, DOWN, DELETE, ADD

		}

		static Action parse(String value) {
			if ("save".equals(value)) {
				return new Action(Kind.SAVE, 0);
			}
			int colon = value.indexOf(':');
			if (colon > 0) {
				try {
					Kind kind = Kind.valueOf(value.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
					long argument = Long.parseLong(value.substring(colon + 1));
					if (kind != Kind.SAVE && kind != Kind.REFRESH) {
						return new Action(kind, argument);
					}
				}
				catch (IllegalArgumentException ex) {
					// not a known action: shown again below
				}
			}
			return new Action(Kind.REFRESH, 0);
		}

		int index() {
			return (int) Math.max(Math.min(this.argument, Integer.MAX_VALUE), -1);
		}

		Long articleId() {
			return this.argument;
		}

	}

}
