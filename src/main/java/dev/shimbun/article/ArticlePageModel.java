package dev.shimbun.article;

import dev.shimbun.PageMeta;
import dev.shimbun.comment.CommentForm;
import dev.shimbun.comment.CommentOrder;
import dev.shimbun.comment.CommentService;
import dev.shimbun.comment.ReportReason;
import dev.shimbun.ranking.CuratedListService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the article page (article/show.html), for the page itself, its preview and
 * the page shown again when a comment is refused.
 */
@Component
public class ArticlePageModel {

	private final CommentService comments;

	private final CuratedListService lists;

	private final NewsArticleJsonLd jsonLd;

	ArticlePageModel(CommentService comments, CuratedListService lists, NewsArticleJsonLd jsonLd) {
		this.comments = comments;
		this.lists = lists;
		this.jsonLd = jsonLd;
	}

	public void fill(Model model, ArticleView article, CommentOrder order, int commentPage, boolean preview) {
		String image = article.figures().stream().findFirst().map(BlockView::imageUrl).orElse(null);
		model.addAttribute("meta",
				new PageMeta(article.headline(), article.description(), article.path(), "article", image, preview));
		model.addAttribute("preview", preview);
		model.addAttribute("article", article);
		model.addAttribute("jsonLd", this.jsonLd.of(article));
		model.addAttribute("alsoRead", this.lists.alsoRead(article.id()));
		model.addAttribute("comments", this.comments.visibleFor(article.id(), order, commentPage));
		model.addAttribute("reportReasons", ReportReason.values());
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new CommentForm());
		}
	}

}
