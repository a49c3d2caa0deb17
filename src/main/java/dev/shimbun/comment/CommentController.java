package dev.shimbun.comment;

import java.util.Map;

import dev.shimbun.FieldRuleException;
import dev.shimbun.article.ArticlePageModel;
import dev.shimbun.article.ArticlePageRequest;
import dev.shimbun.article.ArticlePaths;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
 * from the service as a {@link FieldRuleException}.
 */
@Controller
class CommentController {

	private final ArticleService articles;

	private final CommentService comments;

	private final ArticlePageModel page;

	private final CommentValidator validator = new CommentValidator();

	CommentController(ArticleService articles, CommentService comments, ArticlePageModel page) {
		this.articles = articles;
		this.comments = comments;
		this.page = page;
	}

	@InitBinder("commentForm")
	void formRules(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@PostMapping(ArticlePaths.COMMENTS)
	String post(@PathVariable String slug, @Validated @ModelAttribute("commentForm") CommentForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		PostResult outcome;
		try {
			outcome = this.comments.post(article, form, result, request.getRemoteAddr());
		}
		catch (FieldRuleException ex) {
			ex.rejectIn(result);
			outcome = new PostResult.Invalid();
		}
		if (outcome instanceof PostResult.Posted posted) {
			boolean reply = !posted.thread().equals(posted.id());
			String thread = reply ? "thread=" + posted.thread() + "&" : "";
			return "redirect:" + article.path() + "?" + thread + "comment=" + (posted.visible()
					? "posted#comment-" + posted.id() : "pending#" + (reply ? "reply-form" : "comments"));
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
