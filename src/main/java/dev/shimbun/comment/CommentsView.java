package dev.shimbun.comment;

import java.util.List;

/**
 * The comment section of an article: the count shown in コメントN (every comment and reply
 * readers see), the comments editors featured, and one page of the other top-level
 * comments in the chosen order, or one thread.
 *
 * @param thread the top-level comment whose thread alone is shown, or null for the list
 */
public record CommentsView(long count, List<CommentView> featured, List<CommentView> comments, CommentOrder order,
		int page, int totalPages, Long thread) {

	public boolean isSingleThread() {
		return this.thread != null;
	}

	public boolean isEmpty() {
		return this.count == 0;
	}

	public boolean hasPages() {
		return this.totalPages > 1;
	}

}
