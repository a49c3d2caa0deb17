package dev.shimbun.comment;

import java.util.List;

/**
 * The comment section of an article: the count shown in コメントN (every visible comment),
 * the comments editors featured, and one page of the others in the chosen order.
 */
public record CommentsView(long count, List<CommentView> featured, List<CommentView> comments, CommentOrder order,
		int page, int totalPages) {

	public boolean isEmpty() {
		return this.count == 0;
	}

	public boolean hasPages() {
		return this.totalPages > 1;
	}

}
