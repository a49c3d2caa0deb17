package dev.shimbun.comment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.shimbun.FieldRuleException;
import dev.shimbun.article.ArticlePageModel;
import dev.shimbun.article.ArticlePageRequest;
import dev.shimbun.article.ArticlePaths;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Readers post and report comments and replies. Works without JavaScript: a plain form,
 * Post/Redirect/Get back to the comment (a reply: in its thread); a refused comment shows
 * the article page again (422) with the reason next to the field and the text kept. The
 * form's rules are {@link CommentValidator}, bound to the form; the site's rules come
 * from the service as a {@link FieldRuleException}. The page's script posts the same form
 * for JSON, and gets with a stored comment the key with which its author can edit or take
 * it back for a while (JSON only: the key lives in the page's script, never in a cookie).
 */
@Controller
class CommentController {

	private final ArticleService articles;

	private final CommentService comments;

	private final ArticlePageModel page;

	private final MessageSource messages;

	private final CommentValidator validator = new CommentValidator();

	CommentController(ArticleService articles, CommentService comments, ArticlePageModel page, MessageSource messages) {
		this.articles = articles;
		this.comments = comments;
		this.page = page;
		this.messages = messages;
	}

	@InitBinder("commentForm")
	void formRules(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@PostMapping(ArticlePaths.COMMENTS)
	String post(@PathVariable String slug, @Validated @ModelAttribute("commentForm") CommentForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		PostResult outcome = attempt(result, () -> this.comments.post(article, form, result, request.getRemoteAddr()));
		if (outcome instanceof PostResult.Posted posted) {
			return "redirect:" + location(article, posted.id(), posted.thread(), posted.visible());
		}
		if (outcome instanceof PostResult.Ignored) {
			return "redirect:" + article.path() + "?comment=posted#comments";
		}
		if (outcome instanceof PostResult.RateLimited limited) {
			long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
			model.addAttribute("articlePath", article.path());
			return "error/429";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		// a refused reply is shown again in its thread, under the comment it answers
		boolean reply = form.getReplyTo() != null && !form.getReplyTo().isBlank();
		this.page.fill(model, article,
				reply ? new ArticlePageRequest(Map.of(CommentsSection.THREAD, form.getReplyTo().strip()), false)
						: ArticlePageRequest.PLAIN);
		return "article/show";
	}

	/**
	 * The page's script posts a comment or reply: the same checks, answered in JSON. A
	 * stored comment comes with the key that lets its author edit or take it back for a
	 * while, given only here and never stored as such.
	 */
	@PostMapping(path = ArticlePaths.COMMENTS, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> postForScript(@PathVariable String slug,
			@Validated @ModelAttribute("commentForm") CommentForm form, BindingResult result,
			HttpServletRequest request) {
		ArticleView article = this.articles.getPublished(slug);
		PostResult outcome = attempt(result, () -> this.comments.post(article, form, result, request.getRemoteAddr()));
		Map<String, Object> body = new LinkedHashMap<>();
		if (outcome instanceof PostResult.Posted posted) {
			body.put("id", posted.id());
			body.put("visible", posted.visible());
			body.put("location", location(article, posted.id(), posted.thread(), posted.visible()));
			body.put("editKey", posted.editKey());
			body.put("editableFor", posted.editableFor().toSeconds());
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
		}
		if (outcome instanceof PostResult.Ignored) {
			body.put("location", article.path() + "?comment=posted#comments");
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
		}
		return refusal(outcome, result);
	}

	/**
	 * Its author edits a comment, with the key given at posting (see
	 * {@link CommentService#edit}); for the page's script.
	 */
	@PostMapping(path = ArticlePaths.COMMENTS + "/{id}/edit", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> edit(@PathVariable String slug, @PathVariable Long id,
			@RequestParam(required = false) String key, @Validated @ModelAttribute("commentForm") CommentForm form,
			BindingResult result, HttpServletRequest request) {
		ArticleView article = this.articles.getPublished(slug);
		PostResult outcome;
		try {
			outcome = attempt(result,
					() -> this.comments.edit(article, id, key, form, result, request.getRemoteAddr()));
		}
		catch (OwnCommentRefusedException ex) {
			return refused(ex);
		}
		if (outcome instanceof PostResult.Edited edited) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", edited.id());
			body.put("visible", edited.visible());
			body.put("location", location(article, edited.id(), edited.thread(), edited.visible()));
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
		}
		return refusal(outcome, result);
	}

	/**
	 * Its author takes a comment back, with the key given at posting; for the page's
	 * script.
	 */
	@PostMapping(path = ArticlePaths.COMMENTS + "/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> withdraw(@PathVariable String slug, @PathVariable Long id,
			@RequestParam(required = false) String key) {
		ArticleView article = this.articles.getPublished(slug);
		try {
			this.comments.withdraw(article, id, key);
		}
		catch (OwnCommentRefusedException ex) {
			return refused(ex);
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("withdrawn", true, "message", "コメントを削除しました。"));
	}

	/**
	 * Posts or edits through the service; a refusal by a rule of the site (comments
	 * closed, a banned word, the same text again) goes into the form's errors.
	 */
	private static PostResult attempt(BindingResult result, Supplier<PostResult> action) {
		try {
			return action.get();
		}
		catch (FieldRuleException ex) {
			ex.rejectIn(result);
			return new PostResult.Invalid();
		}
	}

	private static String location(ArticleView article, Long id, Long thread, boolean visible) {
		boolean reply = !thread.equals(id);
		String threadParameter = reply ? "thread=" + thread + "&" : "";
		return article.path() + "?" + threadParameter + "comment="
				+ (visible ? "posted#comment-" + id : "pending#" + (reply ? "reply-form" : "comments"));
	}

	/** A refused post or edit, in JSON: 422 with the messages by field, or 429. */
	private ResponseEntity<Map<String, Object>> refusal(PostResult outcome, BindingResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		if (outcome instanceof PostResult.RateLimited limited) {
			long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
				.body(Map.of("message", this.messages.getMessage("error.429.text",
						new Object[] { Math.max(1, (seconds + 59) / 60) }, locale)));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), this.messages.getMessage(error, locale));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", errors.isEmpty() ? "入力を確認してください。" : errors.values().iterator().next());
		body.put("errors", errors);
		return ResponseEntity.unprocessableContent().body(body);
	}

	private static ResponseEntity<Map<String, Object>> refused(OwnCommentRefusedException ex) {
		HttpStatus status = (ex.reason() == OwnCommentRefusedException.Reason.TAKEN_DOWN) ? HttpStatus.CONFLICT
				: HttpStatus.FORBIDDEN;
		return ResponseEntity.status(status)
			.body(Map.of("message", ex.reason().message(), "reason", ex.reason().name()));
	}

	@PostMapping(ArticlePaths.COMMENTS + "/{id}/report")
	String report(@PathVariable String slug, @PathVariable Long id, @RequestParam ReportReason reason,
			HttpServletRequest request) {
		ArticleView article = this.articles.getPublished(slug);
		if (!this.comments.report(article.id(), id, reason, request.getRemoteAddr())) {
			throw new CommentNotFoundException(id);
		}
		return "redirect:" + article.path() + "?reported=1#comments";
	}

}
