package dev.shimbun.ranking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.article.ArticleVisibility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link RankingService}: the most-read articles summed from the hourly
 * counts, and the computed lists stored in {@code ranking_entry} and
 * {@code ranking_state}.
 */
@Repository
class RankingStore {

	private static final String VISIBLE = ArticleVisibility.sql("?");

	/**
	 * The stored lists' visible articles ({@link #stored}), the time bound twice. The
	 * articles are named by their ids ({@code IN}) as well as joined: on a large site H2
	 * otherwise starts from the few categories and reads every visible article to find
	 * the few ranked ones (a second at 100 000 articles, on every article edit).
	 */
	static final String STORED = """
			SELECT r.list_key, a.id, a.slug, a.headline, a.category_id, c.name AS category_name, r.views
			FROM ranking_entry r
			JOIN article a ON a.id = r.article_id
			JOIN category c ON c.id = a.category_id
			WHERE a.id IN (SELECT article_id FROM ranking_entry) AND %s
			ORDER BY r.list_key, r.place
			""".formatted(VISIBLE);

	private static final RowMapper<RankedArticle> RANKED = (row, n) -> new RankedArticle(row.getLong("id"),
			row.getString("slug"), row.getString("headline"), row.getLong("category_id"),
			row.getString("category_name"), row.getLong("views"));

	private final JdbcTemplate jdbc;

	RankingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The most-read articles visible at {@code now}, read since {@code since}: the top
	 * {@code size} of each category (which holds the top of the site too), most read
	 * first. Views are summed before anything is joined, and only the top rows per
	 * category leave the database.
	 */
	List<RankedArticle> mostRead(Instant now, Instant since, int size) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return this.jdbc.query("""
				SELECT id, slug, headline, category_id, category_name, views FROM (
					SELECT a.id, a.slug, a.headline, a.category_id, c.name AS category_name, v.views,
						ROW_NUMBER() OVER (PARTITION BY a.category_id ORDER BY v.views DESC, a.id DESC) AS place
					FROM (SELECT article_id, SUM(views) AS views FROM article_view_hour
						WHERE hour_start >= ? GROUP BY article_id) v
					JOIN article a ON a.id = v.article_id
					JOIN category c ON c.id = a.category_id
					WHERE %s
				) ranked
				WHERE place <= ?
				ORDER BY views DESC, id DESC
				""".formatted(VISIBLE), RANKED, since.atOffset(ZoneOffset.UTC), at, at, size);
	}

	/**
	 * Replaces the stored lists with these, computed at {@code now}. Called in a
	 * transaction.
	 */
	void replace(Instant now, Map<String, List<RankedArticle>> lists) {
		this.jdbc.update("DELETE FROM ranking_entry");
		List<Object[]> rows = new ArrayList<>();
		lists.forEach((key, articles) -> {
			for (int place = 0; place < articles.size(); place++) {
				rows.add(new Object[] { key, place + 1, articles.get(place).id(), articles.get(place).views() });
			}
		});
		this.jdbc.batchUpdate("INSERT INTO ranking_entry (list_key, place, article_id, views) VALUES (?, ?, ?, ?)",
				rows);
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		if (this.jdbc.update("UPDATE ranking_state SET computed_at = ? WHERE id = 1", at) == 0) {
			this.jdbc.update("INSERT INTO ranking_state (id, computed_at) VALUES (1, ?)", at);
		}
	}

	/**
	 * The stored lists by key, in place order, without the articles not visible at
	 * {@code now} and with their current headlines.
	 */
	Map<String, List<RankedArticle>> stored(Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		Map<String, List<RankedArticle>> lists = new LinkedHashMap<>();
		this.jdbc.query(STORED,
				(RowCallbackHandler) (row) -> lists
					.computeIfAbsent(row.getString("list_key"), (key) -> new ArrayList<>())
					.add(RANKED.mapRow(row, 0)),
				at, at);
		return lists;
	}

	/** When the stored lists were computed, if they ever were. */
	Optional<Instant> computedAt() {
		return this.jdbc.queryForList("SELECT computed_at FROM ranking_state WHERE id = 1", OffsetDateTime.class)
			.stream()
			.findFirst()
			.map(OffsetDateTime::toInstant);
	}

}
