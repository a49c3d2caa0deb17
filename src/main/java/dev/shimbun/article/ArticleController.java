package dev.shimbun.article;

import dev.shimbun.PageNumber;
import dev.shimbun.comment.CommentOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ArticleController {

	private final ArticleService articles;

	private final ArticlePageModel page;

	ArticleController(ArticleService articles, ArticlePageModel page) {
		this.articles = articles;
		this.page = page;
	}

	/**
	 * The article page. {@code corder} and {@code cpage} choose the order and page of the
	 * comments (any {@code cpage} is read, see {@link PageNumber}: past the last page,
	 * the last); {@code comment} and {@code reported} show the notice after a post or a
	 * report (query parameters, not session flash attributes: readers have no session).
	 */
	@GetMapping("/articles/{slug}")
	String show(@PathVariable String slug, @RequestParam(required = false) String corder,
			@RequestParam(required = false) String cpage, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String reported, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		this.page.fill(model, article, CommentOrder.parse(corder), PageNumber.lenient(cpage), false);
		if ("posted".equals(comment) || "pending".equals(comment)) {
			model.addAttribute("commentNotice", "comments.notice." + comment);
		}
		if (reported != null) {
			model.addAttribute("commentNotice", "comments.notice.reported");
		}
		return "article/show";
	}

}
