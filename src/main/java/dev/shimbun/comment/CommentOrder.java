package dev.shimbun.comment;

/**
 * The order of an article's comments: newest first (the default), oldest first, the most
 * 共感 first, or the most replies first.
 */
public enum CommentOrder {

	NEWEST, OLDEST, EMPATHY, REPLIES;

	/** From the {@code corder} request parameter; anything unknown is the default. */
	public static CommentOrder parse(String value) {
		for (CommentOrder order : values()) {
			if (order.parameter().equalsIgnoreCase(value)) {
				return order;
			}
		}
		return NEWEST;
	}

	public String parameter() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
