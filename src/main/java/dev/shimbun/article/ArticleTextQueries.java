package dev.shimbun.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Articles' texts read in bulk with SQL, for {@link ArticleTexts}: faster than loading
 * entities when the search index reads thousands of articles.
 */
@Repository
class ArticleTextQueries {

	private static final String VISIBLE = ArticleVisibility.sql(":now");

	private static final String HIDDEN = ArticleVisibility.hiddenIdsSql(":now");

	/** Pages ending up to here are first looked for among the newest articles. */
	private static final long NEWEST_PAGES_END = 100;

	/** How many of the newest articles are looked at per result needed. */
	private static final long NEWEST_PER_MATCH = 10;

	private final NamedParameterJdbcTemplate jdbc;

	ArticleTextQueries(JdbcTemplate jdbc) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
	}

	List<Long> idsAfter(long after, int limit) {
		return this.jdbc.queryForList(
				"SELECT id FROM article WHERE id > :after ORDER BY id FETCH FIRST " + Math.max(limit, 0) + " ROWS ONLY",
				new MapSqlParameterSource("after", after), Long.class);
	}

	/** How many of a category's articles readers do not see now. */
	long countHiddenInCategory(long categoryId, Instant now) {
		// each hidden article looked up by its id: the category's index would read all of
		// its articles
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (" + HIDDEN
						+ ") h WHERE EXISTS (SELECT 1 FROM article c WHERE c.id = h.id AND c.category_id = :category)",
				params(Map.of("category", categoryId), now), Long.class);
		return (count != null) ? count : 0;
	}

	long countVisible(String idCondition, String idPredicate, Map<String, ?> parameters, Instant now) {
		MapSqlParameterSource params = params(parameters, now);
		// the matches, less those among the few articles readers do not see: reads the
		// index of the matches, not every matching article
		Long count = this.jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM (" + idCondition
				+ ") m) - (SELECT COUNT(*) FROM (" + HIDDEN + ") h WHERE " + idPredicate + ")", params, Long.class);
		return (count != null) ? count : 0;
	}

	List<Long> visibleIds(String idCondition, String idPredicate, Map<String, ?> parameters, Instant now, long offset,
			int size, long total) {
		MapSqlParameterSource params = params(parameters, now).addValue("offset", offset).addValue("size", size);
		if (offset + size <= NEWEST_PAGES_END && offset + size <= total) {
			// a full page among the first ones: when matches are many (where the query
			// below reads them all), the newest articles hold it; tried on a few
			List<Long> ids = this.jdbc.queryForList(
					"SELECT h.id FROM (SELECT a.id, a.published_at FROM article a WHERE " + VISIBLE
							+ " ORDER BY a.published_at DESC, a.id DESC FETCH FIRST "
							+ (offset + size) * NEWEST_PER_MATCH + " ROWS ONLY) h WHERE " + idPredicate
							+ " ORDER BY h.published_at DESC, h.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
					params, Long.class);
			if (ids.size() == size) {
				// as many matches as the page needs among the newest: the same page
				return ids;
			}
		}
		return this.jdbc.queryForList(
				"SELECT a.id FROM article a WHERE " + VISIBLE + " AND a.id IN (" + idCondition
						+ ") ORDER BY a.published_at DESC, a.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
				params, Long.class);
	}

	/** The texts of these articles, in the order of the ids; missing ones left out. */
	List<ArticleText> texts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
		Map<Long, Row> rows = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT a.id, a.slug, a.headline, a.summary, a.published_at, c.name AS category_name
				FROM article a JOIN category c ON c.id = a.category_id WHERE a.id IN (:ids)""", params,
				(RowCallbackHandler) (row) -> rows.put(row.getLong("id"),
						new Row(row.getString("slug"), row.getString("headline"), row.getString("summary"),
								row.getObject("published_at", OffsetDateTime.class), row.getString("category_name"),
								new ArrayList<>())));
		this.jdbc.query("""
				SELECT article_id, body_text, source FROM article_block
				WHERE article_id IN (:ids) AND (body_text IS NOT NULL OR source IS NOT NULL)
				ORDER BY article_id, position""", params, (RowCallbackHandler) (row) -> {
			Row article = rows.get(row.getLong("article_id"));
			if (article != null) {
				// every text block's words (a list's items, a quote and its source, an
				// embed's title)
				for (String column : new String[] { "body_text", "source" }) {
					String markup = row.getString(column);
					if (markup != null) {
						article.paragraphs().add(InlineMarkup.plainText(markup));
					}
				}
			}
		});
		List<ArticleText> texts = new ArrayList<>();
		for (Long id : ids) {
			Row row = rows.get(id);
			if (row != null) {
				texts.add(new ArticleText(id, row.slug(), row.headline(), row.summary(), row.categoryName(),
						(row.publishedAt() != null) ? row.publishedAt().toInstant() : null,
						List.copyOf(row.paragraphs())));
			}
		}
		return texts;
	}

	private static MapSqlParameterSource params(Map<String, ?> parameters, Instant now) {
		return new MapSqlParameterSource(parameters).addValue("now", now.atOffset(ZoneOffset.UTC));
	}

	private record Row(String slug, String headline, String summary, OffsetDateTime publishedAt, String categoryName,
			List<String> paragraphs) {
	}

}
