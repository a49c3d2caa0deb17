package dev.shimbun.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the search feature may read of articles, without knowing the article tables: texts
 * in bulk, and pages of the visible articles among those that a condition on their ids
 * selects (search's own index supplies the condition).
 */
@Service
@Transactional(readOnly = true)
public class ArticleTexts {

	private final ArticleTextQueries queries;

	private final Clock clock;

	ArticleTexts(ArticleTextQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Up to {@code limit} article ids above {@code after}, in order: to walk every
	 * article.
	 */
	public List<Long> idsAfter(long after, int limit) {
		return this.queries.idsAfter(after, limit);
	}

	/** The texts of these articles (visible or not), in the order of the ids. */
	public List<ArticleText> texts(Collection<Long> ids) {
		return this.queries.texts(ids);
	}

	/**
	 * How many visible articles have an id that the SQL {@code idCondition} selects (a
	 * query returning distinct article ids, with named parameters). The same selection as
	 * an SQL condition on the column {@code h.id} ({@code idPredicate}) is evaluated only
	 * for the few articles that are not visible, whose matches are taken away.
	 */
	public long countVisible(String idCondition, String idPredicate, Map<String, ?> parameters) {
		return this.queries.countVisible(idCondition, idPredicate, parameters, this.clock.instant());
	}

	/**
	 * A slice of those articles' ids, newest first; {@code idPredicate} is the same
	 * selection as a condition on the column {@code h.id}, and {@code total} what
	 * {@link #countVisible} found. When the matches are many, the first pages are found
	 * among the newest articles without reading every match.
	 */
	public List<Long> visibleIds(String idCondition, String idPredicate, Map<String, ?> parameters, long offset,
			int size, long total) {
		return this.queries.visibleIds(idCondition, idPredicate, parameters, this.clock.instant(), offset, size, total);
	}

}
