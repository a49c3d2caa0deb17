package dev.shimbun.comment;

import java.time.ZoneId;
import java.util.List;

import dev.shimbun.ShimbunProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CommentService {

	/** The most characters a comment may have, as a reader counts them. */
	public static final int MAX_BODY_LENGTH = 300;

	private final CommentRepository comments;

	private final ZoneId zone;

	CommentService(CommentRepository comments, ShimbunProperties properties) {
		this.comments = comments;
		this.zone = properties.site().zone();
	}

	/** Comments waiting for a moderator, for the dashboard. */
	public long countPending() {
		return this.comments.countByStatus(CommentStatus.PENDING);
	}

	/** The visible comments of an article, newest first, and their count. */
	public CommentsView visibleFor(Long articleId) {
		List<CommentView> visible = this.comments
			.findByArticleIdAndStatusOrderByCreatedAtDescIdDesc(articleId, CommentStatus.VISIBLE)
			.stream()
			.map((comment) -> new CommentView(comment.getId(), comment.getNickname(), comment.getBody(),
					comment.getCreatedAt().atZone(this.zone)))
			.toList();
		return new CommentsView(visible.size(), visible);
	}

}
