package dev.shimbun.comment;

import java.util.Optional;

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
 * {@code thread} shows one comment with all its replies and the form to reply to it (the
 * permalink of a comment or reply, and where the reply link leads without JavaScript);
 * {@code comment} and {@code reported} show the notice after a post or a report (query
 * parameters, not session flash attributes: readers have no session).
 */
@Component
class CommentsSection implements ArticlePageSection {

	/** The query parameter of a thread's permalink: the id of its top-level comment. */
	static final String THREAD = "thread";

	private final CommentService comments;

	private final CommentReactions reactions;

	private final CommentRulesService rules;

	CommentsSection(CommentService comments, CommentReactions reactions, CommentRulesService rules) {
		this.comments = comments;
		this.rules = rules;
		this.reactions = reactions;
	}

	private static Optional<Long> threadId(String parameter) {
		if (parameter == null || parameter.isEmpty() || parameter.length() > 18
				|| !parameter.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of(Long.valueOf(parameter));
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
		CommentOrder order = CommentOrder.parse(request.parameter("corder"), this.rules.defaultOrder());
		int page = PageNumber.lenient(request.parameter("cpage"));
		Optional<CommentsView> thread = threadId(request.parameter(THREAD))
			.flatMap((id) -> this.comments.thread(article.id(), id));
		if (request.parameter(THREAD) != null && thread.isEmpty()) {
			model.addAttribute("threadNotice", "comments.notice.threadGone");
		}
		model.addAttribute("comments", thread.orElseGet(() -> this.comments.visibleFor(article.id(), order, page)));
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
