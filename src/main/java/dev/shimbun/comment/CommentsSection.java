package dev.shimbun.comment;

import dev.shimbun.PageNumber;
import dev.shimbun.article.ArticlePageRequest;
import dev.shimbun.article.ArticlePageSection;
import dev.shimbun.article.ArticleView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The comments below an article: the visible ones, their order and pages, the report form
 * and the comment form.
 * <p>
 * Query parameters: {@code corder} and {@code cpage} choose the order and page (any
 * {@code cpage} is read, see {@link PageNumber}: past the last page, the last);
 * {@code comment} and {@code reported} show the notice after a post or a report (query
 * parameters, not session flash attributes: readers have no session).
 */
@Component
class CommentsSection implements ArticlePageSection {

	private final CommentService comments;

	private final CommentReactions reactions;

	CommentsSection(CommentService comments, CommentReactions reactions) {
		this.comments = comments;
		this.reactions = reactions;
	}

	@Override
	public int getOrder() {
		return 200;
	}

	@Override
	public String fragment() {
		return "comment/_comments :: comments";
	}

	@Override
	public void addTo(Model model, ArticleView article, ArticlePageRequest request) {
		CommentOrder order = CommentOrder.parse(request.parameter("corder"));
		int page = PageNumber.lenient(request.parameter("cpage"));
		model.addAttribute("comments", this.comments.visibleFor(article.id(), order, page));
		model.addAttribute("reportReasons", ReportReason.values());
		model.addAttribute("reactionKinds", Reaction.values());
		model.addAttribute("reactionLabels", this.reactions.labels());
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new CommentForm());
		}
		String posted = request.parameter("comment");
		if ("posted".equals(posted) || "pending".equals(posted)) {
			model.addAttribute("commentNotice", "comments.notice." + posted);
		}
		if (request.parameter("reported") != null) {
			model.addAttribute("commentNotice", "comments.notice.reported");
		}
	}

}
