package dev.shimbun.article;

/**
 * An article was created, saved, restored, deleted or moved by its schedule, published
 * inside the transaction that changed it. The audit log, the search index and the
 * announcement to the other instances listen to it, each in its own class; the editor's
 * service only says what happened.
 *
 * @param articleId the article
 * @param slug its slug after the change (before it, for a deletion)
 * @param previousSlug its slug before the change when the change gave it another one,
 * else null
 * @param headline its headline after the change (before it, for a deletion)
 * @param change what happened
 * @param before its status before the change, null when it was created
 * @param after its status after the change, null when it was deleted
 * @param correction the correction added with a save, or null
 * @param restoredRevision the revision restored, or null
 * @param listingChanged whether what lists and links show of the article (headline,
 * category, status, publication and unpublication times) may have changed: false only for
 * a save that left them
 */
public record ArticleChanged(Long articleId, String slug, String previousSlug, String headline, Change change,
		ArticleStatus before, ArticleStatus after, String correction, Integer restoredRevision,
		boolean listingChanged) {

	/** What happened to the article. */
	public enum Change {

		/** Created in the editor. */
		CREATED,

		/** Saved in the editor. */
		SAVED,

		/** A revision's content restored. */
		RESTORED,

		/** Deleted. */
		DELETED,

		/** Published or unpublished when its time came, by the system. */
		SCHEDULED

	}

	static ArticleChanged created(Article article) {
		return new ArticleChanged(article.getId(), article.getSlug(), null, article.getHeadline(), Change.CREATED, null,
				article.getStatus(), null, null, true);
	}

	/**
	 * @param listingChanged whether the save changed what lists and links show of the
	 * article: its headline, category, status or times
	 */
	static ArticleChanged saved(Article article, String slugBefore, ArticleStatus before, String correction,
			boolean listingChanged) {
		return new ArticleChanged(article.getId(), article.getSlug(),
				slugBefore.equals(article.getSlug()) ? null : slugBefore, article.getHeadline(), Change.SAVED, before,
				article.getStatus(), correction, null, listingChanged);
	}

	static ArticleChanged restored(Article article, int revision) {
		return new ArticleChanged(article.getId(), article.getSlug(), null, article.getHeadline(), Change.RESTORED,
				article.getStatus(), article.getStatus(), null, revision, true);
	}

	static ArticleChanged deleted(Article article) {
		return new ArticleChanged(article.getId(), article.getSlug(), null, article.getHeadline(), Change.DELETED,
				article.getStatus(), null, null, null, true);
	}

	static ArticleChanged scheduled(Article article, ArticleStatus before) {
		return new ArticleChanged(article.getId(), article.getSlug(), null, article.getHeadline(), Change.SCHEDULED,
				before, article.getStatus(), null, null, true);
	}

	/** Whether the article's text may have changed (headline, summary or body). */
	public boolean textChanged() {
		return this.change == Change.CREATED || this.change == Change.SAVED || this.change == Change.RESTORED;
	}

}
