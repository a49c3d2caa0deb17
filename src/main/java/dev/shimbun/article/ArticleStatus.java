package dev.shimbun.article;

/**
 * Where an article is in its life. Readers see SCHEDULED and PUBLISHED articles from
 * their publication time until their unpublish time, if any (see
 * {@link Article#isVisibleAt}).
 */
public enum ArticleStatus {

	/** Work in progress, never shown. */
	DRAFT,
	/** Appears by itself at its publication time. */
	SCHEDULED,
	/** Shown to readers. */
	PUBLISHED,
	/** Taken down; kept for the record. */
	UNPUBLISHED;

	/** Whether this status asks for the article to be shown (at its times). */
	public boolean isPublic() {
		return this == SCHEDULED || this == PUBLISHED;
	}

}
