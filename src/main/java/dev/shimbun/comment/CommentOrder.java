package dev.shimbun.comment;

/**
 * The order of an article's comments: newest first (the default unless an editor chose
 * another for the site), oldest first, the most 共感 first, or the most replies first.
 */
public enum CommentOrder {

	NEWEST, OLDEST, EMPATHY, REPLIES;

	/**
	 * From the {@code corder} request parameter; none or anything unknown is the given
	 * default (the site's, set on the comment rules page).
	 */
	public static CommentOrder parse(String value, CommentOrder fallback) {
		for (CommentOrder order : values()) {
			if (order.parameter().equalsIgnoreCase(value)) {
				return order;
			}
		}
		return fallback;
	}

	public String parameter() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
