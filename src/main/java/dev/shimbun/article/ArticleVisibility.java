package dev.shimbun.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What "a visible article" means, the one definition: scheduled or published, its
 * publication time passed and its unpublish time, if any, not reached. Readers see these
 * articles and nothing else.
 * <p>
 * The same rule in the three forms the application needs: Java
 * ({@link Article#isVisibleAt}), JPQL for the article feature's repository and SQL for
 * the features that join the {@code article} table in their own queries (search,
 * rankings), always aliased {@code a}.
 */
public final class ArticleVisibility {

	/**
	 * JPQL condition on {@code Article a}, with the parameter {@code :now}. The statuses
	 * are the ones readers do not see ({@code NOT IN}), not the ones they do: H2 takes
	 * {@code status IN (...)} for a range of the {@code (status, published_at)} index and
	 * goes through every visible article with it, where {@code NOT IN} leaves it free to
	 * read the newest ones in order from {@code article_newest_idx} and stop after a page
	 * (20 rows read instead of 100 000 for the front page's list). It starts with a space
	 * and ends with a line break, so that it can stand between two text blocks (which
	 * drop the spaces that end their lines).
	 */
	static final String JPQL = " " + """
			a.status not in (dev.shimbun.article.ArticleStatus.DRAFT, dev.shimbun.article.ArticleStatus.UNPUBLISHED)
			and a.publishedAt <= :now and (a.unpublishAt is null or a.unpublishAt > :now)
			""";

	/** Earlier than any unpublish time, as an SQL literal both databases read. */
	private static final String EPOCH = "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'";

	private ArticleVisibility() {
	}

	/**
	 * SQL condition on the {@code article} table aliased {@code a}.
	 * @param now the placeholder of the current time in the query, {@code ":now"} or
	 * {@code "?"} (then bound twice, in order)
	 */
	public static String sql(String now) {
		return "a.status NOT IN (" + statuses(false) + ") AND a.published_at <= " + now
				+ " AND (a.unpublish_at IS NULL OR a.unpublish_at > " + now + ")";
	}

	/**
	 * SQL query of the ids of the articles that are not visible: exactly those that
	 * {@link #sql} leaves out, each once. A few on a news site (drafts, scheduled, taken
	 * down), so that a feature can count what is visible among many articles by taking
	 * these away, without reading every article. Each part is one range of an index.
	 * @param now the placeholder of the current time, {@code ":now"}
	 */
	public static String hiddenIdsSql(String now) {
		List<String> parts = new ArrayList<>();
		parts.add("SELECT x.id FROM article x WHERE x.status IN (" + statuses(false) + ")");
		for (ArticleStatus status : ArticleStatus.values()) {
			if (status.isPublic()) {
				String where = "SELECT x.id FROM article x WHERE x.status = '" + status.name() + "' AND ";
				parts.add(where + "x.published_at IS NULL");
				parts.add(where + "x.published_at > " + now);
			}
		}
		// taken off at their unpublish time: a range of article_unpublish_idx that starts
		// after its NULLs (every article without an unpublish time), which H2 would
		// otherwise go through; the status is NOT IN so that H2 does not prefer the
		// status index (every published article) instead
		parts.add("SELECT x.id FROM article x WHERE x.unpublish_at > " + EPOCH + " AND x.unpublish_at <= " + now
				+ " AND x.status NOT IN (" + statuses(false) + ") AND x.published_at <= " + now);
		return String.join(" UNION ALL ", parts);
	}

	private static String statuses(boolean isPublic) {
		return Arrays.stream(ArticleStatus.values())
			.filter((status) -> status.isPublic() == isPublic)
			.map((status) -> "'" + status.name() + "'")
			.collect(Collectors.joining(", "));
	}

}
