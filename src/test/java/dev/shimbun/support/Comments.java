package dev.shimbun.support;

import dev.shimbun.comment.CommentFixture;
import dev.shimbun.comment.CommentStatus;

import org.springframework.context.ApplicationContext;

/**
 * Builds a reader's comment and stores it as it stands after posting and moderation,
 * without the checks of posting (rate limits, duplicates, rules): for tests that need
 * many comments, not tests of posting them. Visible by default, at the application's
 * clock.
 *
 * <pre class="code">
 * Comments.on(articleId).by("読者").body("コメント").featured().save(context);
 * </pre>
 */
public final class Comments {

	private final Long articleId;

	private String nickname = "読者";

	private String body = "コメント";

	private CommentStatus status = CommentStatus.VISIBLE;

	private boolean featured;

	private Long parentId;

	private Comments(Long articleId) {
		this.articleId = articleId;
	}

	/** A comment under the article with this id. */
	public static Comments on(Long articleId) {
		return new Comments(articleId);
	}

	public Comments by(String nickname) {
		this.nickname = nickname;
		return this;
	}

	public Comments body(String body) {
		this.body = body;
		return this;
	}

	public Comments status(CommentStatus status) {
		this.status = status;
		return this;
	}

	/** A reply to the (top-level) comment with this id. */
	public Comments replyTo(Long parentId) {
		this.parentId = parentId;
		return this;
	}

	/** Picked by a moderator (注目のコメント). */
	public Comments featured() {
		return featured(true);
	}

	public Comments featured(boolean featured) {
		this.featured = featured;
		return this;
	}

	/** Stores the comment in the database of the given context and returns its id. */
	public Long save(ApplicationContext context) {
		return CommentFixture.store(context, this.articleId, this.parentId, this.nickname, this.body, this.status,
				this.featured);
	}

}
