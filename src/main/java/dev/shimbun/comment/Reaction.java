package dev.shimbun.comment;

import java.util.Arrays;
import java.util.Optional;

/**
 * A reader's reaction to a comment. The labels readers see are the site's
 * ({@code shimbun.comments.reaction-labels}); these names are what is stored.
 */
public enum Reaction {

	/** 共感した by default. */
	EMPATHY("empathy_count"),
	/** なるほど by default. */
	INSIGHT("insight_count"),
	/** うーん by default. */
	DOUBT("doubt_count");

	private final String column;

	Reaction(String column) {
		this.column = column;
	}

	/** The column of the comment that counts this reaction. */
	String column() {
		return this.column;
	}

	/** The reaction a request names, if it is one. */
	static Optional<Reaction> parse(String value) {
		return Arrays.stream(values()).filter((reaction) -> reaction.name().equals(value)).findFirst();
	}

}
