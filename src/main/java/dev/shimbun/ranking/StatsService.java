package dev.shimbun.ranking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.Like;
import dev.shimbun.ShimbunProperties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Views per article, read from the hourly counts ({@code article_view_hour}) and the
 * articles' totals ({@code article.view_count}) for the statistics pages. Read only.
 * <p>
 * The windows are whole hours and include the hour under way: "24 hours" is the current
 * hour and the 23 before it, "7 days" the current hour and the 167 before it. Days are
 * days in the site's zone.
 */
@Service
@Transactional(readOnly = true)
public class StatsService {

	/** Articles on one page of the table. */
	static final int PAGE_SIZE = 50;

	/** Hours in the hourly chart: 7 days. */
	static final int HOURS = 168;

	/** Days in the daily chart. */
	static final int DAYS = 30;

	private static final String TOTALS = """
			SELECT a.id, a.headline, a.slug, a.view_count,
			       COALESCE(SUM(CASE WHEN v.hour_start >= ? THEN v.views ELSE 0 END), 0) AS day_views,
			       COALESCE(SUM(v.views), 0) AS week_views
			FROM article a
			LEFT JOIN article_view_hour v ON v.article_id = a.id AND v.hour_start >= ? AND v.hour_start < ?
			""";

	private static final String GROUP = " GROUP BY a.id, a.headline, a.slug, a.view_count";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	StatsService(JdbcTemplate jdbc, Clock clock, ShimbunProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * A page of articles with their views, those whose headline contains {@code text}
	 * (every article when it is blank), in the order asked for; ties go to the article
	 * with more views in all, then to the newer article.
	 */
	public Table articles(String text, StatsSort sort, int pageIndex) {
		Window window = window();
		String where = "";
		List<Object> filter = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			where = " WHERE LOWER(a.headline) LIKE ? ESCAPE '!'";
			filter.add(Like.contains(text));
		}
		String order = switch (sort) {
			case DAY -> " ORDER BY day_views DESC, a.view_count DESC, a.id DESC";
			case WEEK -> " ORDER BY week_views DESC, a.view_count DESC, a.id DESC";
			case ALL -> " ORDER BY a.view_count DESC, day_views DESC, a.id DESC";
		};
		int page = Math.max(pageIndex, 0);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM article a" + where, Long.class, filter.toArray());
		List<Object> arguments = new ArrayList<>(window.arguments());
		arguments.addAll(filter);
		arguments.add((long) page * PAGE_SIZE);
		arguments.add(PAGE_SIZE);
		List<ArticleViews> rows = this.jdbc.query(
				TOTALS + where + GROUP + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", StatsService::articleViews,
				arguments.toArray());
		return new Table(new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), (total != null) ? total : 0),
				window.asOf());
	}

	/**
	 * One article's views: its totals, each of the last 168 hours and each of the last 30
	 * days (today included), oldest first.
	 * @throws ArticleNotFoundException if there is no such article
	 */
	public ArticleStats article(Long id) {
		Window window = window();
		List<Object> arguments = new ArrayList<>(window.arguments());
		arguments.add(id);
		ArticleViews totals = this.jdbc
			.query(TOTALS + " WHERE a.id = ?" + GROUP, StatsService::articleViews, arguments.toArray())
			.stream()
			.findFirst()
			.orElseThrow(() -> new ArticleNotFoundException(id));

		ZonedDateTime firstDay = window.asOf().toLocalDate().minusDays(DAYS - 1).atStartOfDay(this.zone);
		Instant firstHour = window.weekStart();
		Instant from = firstDay.toInstant().isBefore(firstHour) ? firstDay.toInstant() : firstHour;
		long[] hourly = new long[HOURS];
		List<LocalDate> days = new ArrayList<>();
		for (int day = 0; day < DAYS; day++) {
			days.add(firstDay.toLocalDate().plusDays(day));
		}
		long[] daily = new long[DAYS];
		this.jdbc.query("""
				SELECT hour_start, views FROM article_view_hour
				WHERE article_id = ? AND hour_start >= ? AND hour_start < ?
				""", (rs) -> {
			Instant hour = rs.getObject("hour_start", OffsetDateTime.class).toInstant();
			long views = rs.getLong("views");
			long hourIndex = Duration.between(firstHour, hour).toHours();
			if (!hour.isBefore(firstHour) && hourIndex < HOURS) {
				hourly[(int) hourIndex] += views;
			}
			int dayIndex = days.indexOf(hour.atZone(this.zone).toLocalDate());
			if (dayIndex >= 0) {
				daily[dayIndex] += views;
			}
		}, id, utc(from), utc(window.end()));

		List<ViewPoint> hours = new ArrayList<>(HOURS);
		for (int hour = 0; hour < HOURS; hour++) {
			hours.add(new ViewPoint(firstHour.plus(hour, ChronoUnit.HOURS).atZone(this.zone), hourly[hour]));
		}
		List<ViewPoint> dayPoints = new ArrayList<>(DAYS);
		for (int day = 0; day < DAYS; day++) {
			dayPoints.add(new ViewPoint(days.get(day).atStartOfDay(this.zone), daily[day]));
		}
		return new ArticleStats(totals, hours, dayPoints, window.asOf());
	}

	/** The windows as of now. */
	private Window window() {
		Instant now = this.clock.instant();
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		return new Window(hour.minus(23, ChronoUnit.HOURS), hour.minus(HOURS - 1, ChronoUnit.HOURS),
				hour.plus(1, ChronoUnit.HOURS), now.atZone(this.zone));
	}

	private static ArticleViews articleViews(ResultSet rs, int rowNum) throws SQLException {
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
	private record Window(Instant dayStart, Instant weekStart, Instant end, ZonedDateTime asOf) {

		List<Object> arguments() {
			return List.of(utc(this.dayStart), utc(this.weekStart), utc(this.end));
		}

	}

	/** An article and its views in the last 24 hours, the last 7 days and all time. */
	public record ArticleViews(Long id, String headline, String slug, long lastDay, long lastWeek, long allTime) {

	}

	/** A page of the table, and the time it was counted at. */
	public record Table(Page<ArticleViews> articles, ZonedDateTime asOf) {

	}

	/** One article's totals, hours and days, and the time they were counted at. */
	public record ArticleStats(ArticleViews totals, List<ViewPoint> hourly, List<ViewPoint> daily, ZonedDateTime asOf) {

	}

	/** No article with this id. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class ArticleNotFoundException extends RuntimeException {

		ArticleNotFoundException(Long id) {
			super("No article " + id);
		}

	}

}
