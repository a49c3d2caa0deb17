package dev.shimbun.comment;

/** The order of an article's comments: newest first (the default) or oldest first. */
public enum CommentOrder {

	NEWEST, OLDEST;

	/** From the {@code corder} request parameter; anything unknown is the default. */
	public static CommentOrder parse(String value) {
		return "oldest".equalsIgnoreCase(value) ? OLDEST : NEWEST;
	}

	public String parameter() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
