package dev.shimbun.comment;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A visible comment or reply; {@code nickname} is null for anonymous posters.
 *
 * @param parentId the comment a reply answers, or null for a top-level comment
 * @param replies the visible replies shown under a top-level comment (maybe not all)
 * @param replyCount how many visible replies a top-level comment has
 * @param edited whether its author changed it after posting (shown as 「編集済み」)
 */
public record CommentView(Long id, Long parentId, String nickname, String body, ZonedDateTime createdAt,
		boolean featured, ReactionCounts reactions, List<CommentView> replies, long replyCount, boolean edited) {

	public String anchor() {
		return "comment-" + this.id;
	}

	public boolean isReply() {
		return this.parentId != null;
	}

	/** The top-level comment of this one's thread: its permalink's {@code thread}. */
	public Long threadId() {
		return isReply() ? this.parentId : this.id;
	}

	/** Whether the thread has replies that are not shown here. */
	public boolean hasMoreReplies() {
		return this.replyCount > this.replies.size();
	}

}
