package dev.shimbun.article;

import java.time.ZonedDateTime;

/** The article was saved by somebody else after the editor opened it. */
class ArticleConflictException extends RuntimeException {

	private final String savedBy;

	private final ZonedDateTime savedAt;

	ArticleConflictException(String savedBy, ZonedDateTime savedAt) {
		super("Article saved meanwhile by " + savedBy + " at " + savedAt);
		this.savedBy = savedBy;
		this.savedAt = savedAt;
	}

	String savedBy() {
		return this.savedBy;
	}

	ZonedDateTime savedAt() {
		return this.savedAt;
	}

}
