package dev.shimbun.article;

import dev.shimbun.PageMeta;
import dev.shimbun.comment.CommentForm;
import dev.shimbun.comment.CommentService;
import dev.shimbun.ranking.CuratedListService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticleController {

	private final ArticleService articles;

	private final CommentService comments;

	private final CuratedListService lists;

	private final NewsArticleJsonLd jsonLd;

	ArticleController(ArticleService articles, CommentService comments, CuratedListService lists,
			NewsArticleJsonLd jsonLd) {
		this.articles = articles;
		this.comments = comments;
		this.lists = lists;
		this.jsonLd = jsonLd;
	}

	@GetMapping("/articles/{slug}")
	String show(@PathVariable String slug, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		String image = article.figures().stream().findFirst().map(BlockView::imageUrl).orElse(null);
		model.addAttribute("meta",
				new PageMeta(article.headline(), article.description(), article.path(), "article", image, false));
		model.addAttribute("article", article);
		model.addAttribute("jsonLd", this.jsonLd.of(article));
		model.addAttribute("alsoRead", this.lists.alsoRead(article.id()));
		model.addAttribute("comments", this.comments.visibleFor(article.id()));
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new CommentForm());
		}
		return "article/show";
	}

}
