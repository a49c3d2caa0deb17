package dev.shimbun.cluster;

/**
 * Something that pages or in-memory caches show has changed, on this instance or on
 * another one of the cluster. Listen for it with {@code @EventListener} and one of the
 * orders below, so that a page rendered during the announcement is not kept with what was
 * true before it: what keeps data in memory reads it again first, what is made from that
 * data is marked stale next, and rendered pages are dropped last.
 *
 * @param topic what kind of thing changed
 * @param key which one (an article's slug, say), or {@code null} for the whole topic
 * @param local whether the change was made on this instance
 */
public record ContentChanged(Topic topic, String key, boolean local) {

	/** Listeners that keep data in memory (rankings, co-reads) and read it again. */
	public static final int RELOAD = 0;

	/** Listeners that keep what is made from that data (menus and sidebars). */
	public static final int DERIVED = 100;

	/** The page cache, which drops rendered pages: last. */
	public static final int PAGES = 200;

	/** What kind of thing changed. */
	public enum Topic {

		/**
		 * An article: its content, status, times or corrections (key: its slug, or the
		 * old one after a change of address).
		 */
		ARTICLE,

		/**
		 * An article that stays on the site at the same address was edited (key: its
		 * slug): its pages may be served as they were while they are rendered again, as
		 * they would have been to a reader a moment earlier.
		 */
		ARTICLE_EDITED,

		/**
		 * Like {@link #ARTICLE_EDITED}, with what lists and links show of the article
		 * (headline, category, status, times) as it was (key: its slug): only its own
		 * pages and the pages that show its summary or picture (the front page's top
		 * story) are out of date; lists, category pages and links show it as they did.
		 */
		ARTICLE_TEXT_EDITED,

		/** A comment shown under an article (key: the article's slug). */
		COMMENTS,

		/**
		 * Comments under an article were hidden, deleted or otherwise moderated (key: the
		 * article's slug): a page that showed them is not to be shown again, not even
		 * during a database outage.
		 */
		COMMENTS_REMOVED,

		/** A curated list. */
		LIST,

		/** Categories and so the menus. */
		CATEGORY,

		/** The most-read lists were recomputed. */
		RANKINGS,

		/** A media item (caption, credit, alt text, deletion). */
		MEDIA,

		/**
		 * Readers reacted to comments under an article (key: the article's slug). Pages
		 * keep their counts until they are next rendered; only readers with the article
		 * open are told, so that they can ask for the current counts.
		 */
		REACTIONS;

		/**
		 * Whether rendered pages or what they are made from may be out of date after such
		 * a change.
		 */
		public boolean changesPages() {
			return this != REACTIONS;
		}

	}

}
