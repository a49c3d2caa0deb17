package dev.shimbun.comment;

/**
 * The order of an article's comments: newest first (the default), oldest first, or the
 * most 共感 first.
 */
public enum CommentOrder {

	NEWEST, OLDEST, EMPATHY;

	/** From the {@code corder} request parameter; anything unknown is the default. */
	public static CommentOrder parse(String value) {
		if ("oldest".equalsIgnoreCase(value)) {
			return OLDEST;
		}
		return "empathy".equalsIgnoreCase(value) ? EMPATHY : NEWEST;
	}

	public String parameter() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
