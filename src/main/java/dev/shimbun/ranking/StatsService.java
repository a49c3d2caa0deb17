package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.ranking.StatsQueries.Window;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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

	private final StatsQueries queries;

	private final Clock clock;

	private final ZoneId zone;

	StatsService(StatsQueries queries, Clock clock, ShimbunProperties properties) {
		this.queries = queries;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * A page of articles with their views, those whose headline contains {@code text}
	 * (every article when it is blank), in the order asked for; ties go to the article
	 * with more views in all, then to the newer article.
	 */
	public Table articles(String text, StatsSort sort, int pageIndex) {
		Now now = now();
		int page = Math.max(pageIndex, 0);
		long total = this.queries.count(text);
		List<ArticleViews> rows = this.queries.totals(now.window(), text, sort, (long) page * PAGE_SIZE, PAGE_SIZE);
		return new Table(new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total), now.asOf());
	}

	/**
	 * One article's views: its totals, each of the last 168 hours and each of the last 30
	 * days (today included), oldest first.
	 * @throws ArticleNotFoundException if there is no such article
	 */
	public ArticleStats article(Long id) {
		Now now = now();
		Window window = now.window();
		ArticleViews totals = this.queries.totals(window, id).orElseThrow(() -> new ArticleNotFoundException(id));

		ZonedDateTime firstDay = now.asOf().toLocalDate().minusDays(DAYS - 1).atStartOfDay(this.zone);
		Instant firstHour = window.weekStart();
		Instant from = firstDay.toInstant().isBefore(firstHour) ? firstDay.toInstant() : firstHour;
		long[] hourly = new long[HOURS];
		List<LocalDate> days = new ArrayList<>();
		for (int day = 0; day < DAYS; day++) {
			days.add(firstDay.toLocalDate().plusDays(day));
		}
		long[] daily = new long[DAYS];
		this.queries.hours(id, from, window.end(), (hour, views) -> {
			long hourIndex = Duration.between(firstHour, hour).toHours();
			if (!hour.isBefore(firstHour) && hourIndex < HOURS) {
				hourly[(int) hourIndex] += views;
			}
			int dayIndex = days.indexOf(hour.atZone(this.zone).toLocalDate());
			if (dayIndex >= 0) {
				daily[dayIndex] += views;
			}
		});

		List<ViewPoint> hours = new ArrayList<>(HOURS);
		for (int hour = 0; hour < HOURS; hour++) {
			hours.add(new ViewPoint(firstHour.plus(hour, ChronoUnit.HOURS).atZone(this.zone), hourly[hour]));
		}
		List<ViewPoint> dayPoints = new ArrayList<>(DAYS);
		for (int day = 0; day < DAYS; day++) {
			dayPoints.add(new ViewPoint(days.get(day).atStartOfDay(this.zone), daily[day]));
		}
		return new ArticleStats(totals, hours, dayPoints, now.asOf());
	}

	/** The windows as of now. */
	private Now now() {
		Instant now = this.clock.instant();
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		return new Now(new Window(hour.minus(23, ChronoUnit.HOURS), hour.minus(HOURS - 1, ChronoUnit.HOURS),
				hour.plus(1, ChronoUnit.HOURS)), now.atZone(this.zone));
	}

	/** The counted windows and the time they are counted at. */
	private record Now(Window window, ZonedDateTime asOf) {

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
