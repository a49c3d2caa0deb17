package dev.shimbun.ranking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjLongConsumer;

import dev.shimbun.Like;
import dev.shimbun.ranking.StatsService.ArticleViews;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link StatsService}: views per article summed from the hourly counts
 * ({@code article_view_hour}) and the articles' totals ({@code article.view_count}).
 */
@Repository
class StatsQueries {

	private static final String TOTALS = """
			SELECT a.id, a.headline, a.slug, a.view_count,
			       COALESCE(SUM(CASE WHEN v.hour_start >= ? THEN v.views ELSE 0 END), 0) AS day_views,
			       COALESCE(SUM(v.views), 0) AS week_views
			FROM article a
			LEFT JOIN article_view_hour v ON v.article_id = a.id AND v.hour_start >= ? AND v.hour_start < ?
			""";

	private static final String GROUP = " GROUP BY a.id, a.headline, a.slug, a.view_count";

	private static final String HEADLINE_CONTAINS = " WHERE LOWER(a.headline) LIKE ? ESCAPE '!'";

	private final JdbcTemplate jdbc;

	StatsQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many articles have a headline containing {@code text} (all when blank). */
	long count(String text) {
		Long total = blank(text) ? this.jdbc.queryForObject("SELECT COUNT(*) FROM article a", Long.class) : this.jdbc
			.queryForObject("SELECT COUNT(*) FROM article a" + HEADLINE_CONTAINS, Long.class, Like.contains(text));
		return (total != null) ? total : 0;
	}

	/**
	 * Articles whose headline contains {@code text} (all when blank) with their views
	 * since {@code dayStart} and since {@code weekStart} until {@code end}, in the order
	 * asked for, {@code limit} of them from {@code offset}.
	 */
	List<ArticleViews> totals(Window window, String text, StatsSort sort, long offset, int limit) {
		String where = "";
		List<Object> arguments = new ArrayList<>(window.arguments());
		if (!blank(text)) {
			where = HEADLINE_CONTAINS;
			arguments.add(Like.contains(text));
		}
		String order = switch (sort) {
			case DAY -> " ORDER BY day_views DESC, a.view_count DESC, a.id DESC";
			case WEEK -> " ORDER BY week_views DESC, a.view_count DESC, a.id DESC";
			case ALL -> " ORDER BY a.view_count DESC, day_views DESC, a.id DESC";
		};
		arguments.add(offset);
		arguments.add(limit);
		return this.jdbc.query(TOTALS + where + GROUP + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, rowNum) -> articleViews(rs), arguments.toArray());
	}

	/** One article's views in the window, if there is such an article. */
	Optional<ArticleViews> totals(Window window, Long id) {
		List<Object> arguments = new ArrayList<>(window.arguments());
		arguments.add(id);
		return this.jdbc
			.query(TOTALS + " WHERE a.id = ?" + GROUP, (rs, rowNum) -> articleViews(rs), arguments.toArray())
			.stream()
			.findFirst();
	}

	/** Each stored hour of an article's views from {@code from} until {@code to}. */
	void hours(Long id, Instant from, Instant to, ObjLongConsumer<Instant> hour) {
		this.jdbc.query("""
				SELECT hour_start, views FROM article_view_hour
				WHERE article_id = ? AND hour_start >= ? AND hour_start < ?
				""", (rs) -> {
			hour.accept(rs.getObject("hour_start", OffsetDateTime.class).toInstant(), rs.getLong("views"));
		}, id, utc(from), utc(to));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static ArticleViews articleViews(ResultSet rs) throws SQLException {
		return new ArticleViews(rs.getLong("id"), rs.getString("headline"), rs.getString("slug"),
				rs.getLong("day_views"), rs.getLong("week_views"), rs.getLong("view_count"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * The counted windows: hours from {@code dayStart} and from {@code weekStart} until
	 * {@code end} (the end of the current hour).
	 */
	record Window(Instant dayStart, Instant weekStart, Instant end) {

		List<Object> arguments() {
			return List.of(utc(this.dayStart), utc(this.weekStart), utc(this.end));
		}

	}

}
