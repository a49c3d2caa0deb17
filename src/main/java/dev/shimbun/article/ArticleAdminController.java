package dev.shimbun.article;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.Graphemes;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.security.AdminScripts;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	private final ArticleDrafts drafts;

	private final ArticlePresence presence;

	private final MessageSource messages;

	private final ShimbunProperties.Editor settings;

	ArticleAdminController(ArticleAdminService editor, ArticleRules rules, ArticleRevisions revisions,
			ArticleService articles, CategoryService categories, ArticlePageModel page, FigureImages figureImages,
			ArticleDrafts drafts, ArticlePresence presence, MessageSource messages, ShimbunProperties properties) {
		this.drafts = drafts;
		this.presence = presence;
		this.messages = messages;
		this.settings = properties.editor();
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
	String newArticle(@RequestParam(required = false) String restore, Model model) {
		Optional<ArticleDrafts.Draft> draft = this.drafts.find(null);
		if (restore != null && draft.isPresent()) {
			model.addAttribute("form", draft.get().form());
			model.addAttribute("notice", "article.notice.draftRestored");
		}
		else {
			model.addAttribute("form", ArticleForm.blank());
			draft.ifPresent((found) -> model.addAttribute("draft", found));
		}
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
		this.drafts.discard(null);
		redirect.addFlashAttribute("notice", "article.notice.created");
		return "redirect:/admin/articles/" + id + "/edit";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, @RequestParam(required = false) String restore, Model model) {
		ArticleForm saved = this.editor.form(id);
		Optional<ArticleDrafts.Draft> draft = this.drafts.find(id);
		if (restore != null && draft.isPresent()) {
			// the draft keeps the version it was based on: a save after someone else's
			// still meets the conflict page
			model.addAttribute("form", draft.get().form());
			model.addAttribute("notice", "article.notice.draftRestored");
		}
		else {
			model.addAttribute("form", saved);
			draft.ifPresent((found) -> model.addAttribute("draft", found));
		}
		model.addAttribute("presence", this.presence.here(id));
		return formPage(model, id);
	}

	/**
	 * The editor's script keeps what is typed as the signed-in staff member's draft,
	 * apart from the article: JSON with the time, or 422 with the reason when a field is
	 * too long or unreadable.
	 */
	@PostMapping(path = { "/autosave", "/{id}/autosave" }, produces = "application/json")
	ResponseEntity<Map<String, Object>> autosave(@PathVariable(required = false) Long id,
			@Valid @ModelAttribute("form") ArticleForm form, BindingResult result, Locale locale) {
		if (id != null) {
			this.editor.info(id);
		}
		// a draft may be incomplete; only what could not be kept is refused
		Optional<org.springframework.validation.FieldError> unfit = result.getFieldErrors()
			.stream()
			.filter((error) -> error.isBindingFailure() || "Size".equals(error.getCode())
					|| "Pattern".equals(error.getCode()) && !"slug".equals(error.getField()))
			.findFirst();
		if (unfit.isPresent()) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("message", this.messages.getMessage(unfit.get(), locale)));
		}
		ZonedDateTime savedAt = this.drafts.save(id, form);
		return ResponseEntity.ok(Map.of("savedAt", savedAt.toOffsetDateTime().toString(), "savedAtText",
				savedAt.format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
	}

	@PostMapping(path = { "/autosave/discard", "/{id}/autosave/discard" })
	String discardDraft(@PathVariable(required = false) Long id, RedirectAttributes redirect) {
		this.drafts.discard(id);
		redirect.addFlashAttribute("notice", "article.notice.draftDiscarded");
		return (id != null) ? "redirect:/admin/articles/" + id + "/edit" : "redirect:/admin/articles/new";
	}

	/** The editor page's heartbeat: who else has the article open, and who holds it. */
	@PostMapping(path = "/{id}/presence", produces = "application/json")
	@ResponseBody
	ArticlePresence.Editors present(@PathVariable Long id) {
		return this.presence.here(id);
	}

	@PostMapping(path = "/{id}/presence/take-over", produces = "application/json")
	@ResponseBody
	ArticlePresence.Editors takeOver(@PathVariable Long id) {
		return this.presence.takeOver(id);
	}

	@PostMapping("/{id}/presence/leave")
	ResponseEntity<Void> leave(@PathVariable Long id) {
		this.presence.leave(id);
		return ResponseEntity.noContent().build();
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
		this.drafts.discard(id);
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

	/**
	 * The article as readers would see it (with {@code draft}, as the signed-in editor's
	 * autosaved draft would make it); with {@code width} ({@code phone} or
	 * {@code desktop}), a page showing that in a frame of that width. The preview is the
	 * one staff page that this site's own pages may frame.
	 */
	@GetMapping("/{id}/preview")
	String preview(@PathVariable Long id, @RequestParam(required = false) String width,
			@RequestParam(name = "draft", required = false) String draftWanted, Model model,
			HttpServletResponse response) {
		Optional<ArticleDrafts.Draft> draft = this.drafts.find(id);
		if (width != null) {
			model.addAttribute("info", this.editor.info(id));
			model.addAttribute("frameWidth", "phone".equals(width) ? 390 : 1280);
			model.addAttribute("draft", draft.orElse(null));
			return "admin/articles/preview-frame";
		}
		// with "draft", the signed-in editor's autosaved draft if they have one
		ArticleView article = (draft.isPresent() && draftWanted != null)
				? this.editor.draftPreview(id, draft.get().form()) : this.articles.getForPreview(id);
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
		model.addAttribute("editorSettings", this.settings);
		if (form != null) {
			model.addAttribute("headlineLength", Graphemes.count(form.getHeadline()));
			model.addAttribute("summaryLength", Graphemes.count(form.getSummary()));
		}
		if (id != null) {
			model.addAttribute("info", this.editor.info(id));
		}
		return "admin/articles/form";
	}

}
