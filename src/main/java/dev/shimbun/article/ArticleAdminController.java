package dev.shimbun.article;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.PageNumber;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.security.AdminScripts;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editors' article pages under /admin/articles. */
@Controller
@RequestMapping("/admin/articles")
class ArticleAdminController {

	private final ArticleAdminService editor;

	private final ArticleRules rules;

	private final ArticleRevisions revisions;

	private final ArticleService articles;

	private final CategoryService categories;

	private final ArticlePageModel page;

	private final FigureImages figureImages;

	ArticleAdminController(ArticleAdminService editor, ArticleRules rules, ArticleRevisions revisions,
			ArticleService articles, CategoryService categories, ArticlePageModel page, FigureImages figureImages) {
		this.editor = editor;
		this.rules = rules;
		this.revisions = revisions;
		this.articles = articles;
		this.categories = categories;
		this.page = page;
		this.figureImages = figureImages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		// a filter that cannot be read is left out, and said so next to it (400)
		Map<String, String> problems = new LinkedHashMap<>();
		ArticleStatus chosenStatus = null;
		if (status != null && !status.isBlank()) {
			chosenStatus = Arrays.stream(ArticleStatus.values())
				.filter((candidate) -> candidate.name().equalsIgnoreCase(status.strip()))
				.findFirst()
				.orElse(null);
			if (chosenStatus == null) {
				problems.put("status", "articles.filter.error.status");
			}
		}
		List<CategoryView> menu = this.categories.menu();
		Long chosenCategory = null;
		if (category != null && !category.isBlank()) {
			chosenCategory = menu.stream()
				.map(CategoryView::id)
				.filter((id) -> String.valueOf(id).equals(category.strip()))
				.findFirst()
				.orElse(null);
			if (chosenCategory == null) {
				problems.put("category", "articles.filter.error.category");
			}
		}
		Page<ArticleRow> articles = this.editor.search(q, chosenStatus, chosenCategory, PageNumber.lenient(page) - 1);
		model.addAttribute("articles", articles);
		model.addAttribute("q", q);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("category", chosenCategory);
		model.addAttribute("problems", problems);
		model.addAttribute("currentPage", articles.getNumber() + 1);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("categories", menu);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "admin/articles/list";
	}

	@GetMapping("/new")
	String newArticle(Model model) {
		model.addAttribute("form", ArticleForm.blank());
		return formPage(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
			@RequestParam(required = false) String action, Model model, RedirectAttributes redirect) {
		if (form.applyBlockAction(action)) {
			return formPage(model, null);
		}
		this.rules.validate(form, result, (Long) null);
		if (result.hasErrors()) {
			return formPage(model, null);
		}
		Long id = this.editor.create(form);
		redirect.addFlashAttribute("notice", "article.notice.created");
		return "redirect:/admin/articles/" + id + "/edit";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		model.addAttribute("form", this.editor.form(id));
		return formPage(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
			@RequestParam(required = false) String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (form.applyBlockAction(action)) {
			return formPage(model, id);
		}
		this.rules.validate(form, result, id);
		if (result.hasErrors()) {
			return formPage(model, id);
		}
		try {
			this.editor.update(id, form);
		}
		catch (ArticleConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflictBy", ex.savedBy());
			model.addAttribute("conflictAt", ex.savedAt());
			return formPage(model, id);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			EditorInfo info = this.editor.info(id);
			model.addAttribute("conflictBy", info.updatedBy());
			model.addAttribute("conflictAt", info.updatedAt());
			return formPage(model, id);
		}
		redirect.addFlashAttribute("notice", "article.notice.saved");
		return "redirect:/admin/articles/" + id + "/edit";
	}

	/**
	 * Articles whose headline contains the words, for the editor's related-article search
	 * (as JSON, at most ten).
	 */
	@GetMapping(path = "/lookup", produces = "application/json")
	@ResponseBody
	List<ArticleLookup> lookup(@RequestParam(required = false) String q) {
		return this.editor.lookup(q);
	}

	@GetMapping("/{id}/preview")
	String preview(@PathVariable Long id, Model model, HttpServletResponse response) {
		ArticleView article = this.articles.getForPreview(id);
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		this.page.fill(model, article, ArticlePageRequest.PREVIEW);
		return "article/show";
	}

	@GetMapping("/{id}/revisions")
	String revisions(@PathVariable Long id, Model model) {
		model.addAttribute("info", this.editor.info(id));
		model.addAttribute("revisions", this.revisions.list(id));
		return "admin/articles/revisions";
	}

	@GetMapping("/{id}/revisions/compare")
	String compare(@PathVariable Long id, @RequestParam int from, @RequestParam int to, Model model) {
		model.addAttribute("info", this.editor.info(id));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("lines", this.revisions.diff(id, from, to));
		return "admin/articles/compare";
	}

	@PostMapping("/{id}/revisions/{number}/restore")
	String restore(@PathVariable Long id, @PathVariable int number, RedirectAttributes redirect) {
		this.editor.restore(id, number);
		redirect.addFlashAttribute("notice", "article.notice.restored");
		return "redirect:/admin/articles/" + id + "/edit";
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable Long id, Model model) {
		model.addAttribute("info", this.editor.info(id));
		model.addAttribute("form", this.editor.form(id));
		return "admin/articles/delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable Long id, RedirectAttributes redirect) {
		this.editor.delete(id);
		redirect.addFlashAttribute("notice", "article.notice.deleted");
		return "redirect:/admin/articles";
	}

	private String formPage(Model model, Long id) {
		model.addAttribute("categories", this.categories.menu());
		model.addAttribute("authors", this.editor.authors());
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("commentModes", CommentMode.values());
		ArticleForm form = (ArticleForm) model.getAttribute("form");
		List<Long> chosen = (form != null)
				? form.getBlocks().stream().map(BlockForm::getMediaId).filter(java.util.Objects::nonNull).toList()
				: List.of();
		List<FigureImages.MediaOption> mediaOptions = this.figureImages.options(chosen);
		model.addAttribute("mediaOptions", mediaOptions);
		Map<Long, String> thumbnails = new java.util.HashMap<>();
		mediaOptions.forEach((option) -> thumbnails.put(option.id(), option.thumbnail()));
		model.addAttribute("thumbnails", thumbnails);
		model.addAttribute("relatedHeadlines",
				this.editor.relatedHeadlines((form != null) ? form.getBlocks()
					.stream()
					.filter((block) -> block.getKind() == BlockKind.RELATED)
					.map(BlockForm::getUrl)
					.filter(java.util.Objects::nonNull)
					.toList() : List.of()));
		model.addAttribute("textKinds", Arrays.stream(BlockKind.values()).filter(BlockKind::hasText).toList());
		model.addAttribute("addableKinds",
				List.of(BlockKind.HEADING, BlockKind.SUBHEADING, BlockKind.QUOTE, BlockKind.BULLETED_LIST,
						BlockKind.NUMBERED_LIST, BlockKind.EMBED, BlockKind.RELATED, BlockKind.SEPARATOR));
		model.addAttribute("importMap", AdminScripts.IMPORT_MAP);
		if (id != null) {
			model.addAttribute("info", this.editor.info(id));
		}
		return "admin/articles/form";
	}

}
