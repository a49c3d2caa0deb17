package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleIds;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes counted reads to the database, in one transaction: views to hourly buckets
 * ({@code article_view_hour}, for windowed rankings) and to the article's total
 * ({@code article.view_count}), and which readers read what on a day
 * ({@code reader_read}, for こんな記事も読まれています). The ranking feature is the only writer of
 * view counts, and this class its only place that writes them. Reads of articles that no
 * longer exist are dropped.
 * <p>
 * A view is counted only if no instance counted the same reader and article within the
 * dedupe window before it ({@code view_seen}, the last counted view of each reader and
 * article): the instance that buffered it remembers only its own readers. Flushes, from
 * any instance, take turns on the row of {@code view_flush_turn}, so that two instances
 * writing the same reader's views at the same moment count one.
 */
@Component
class ViewStore {

	private static final Logger logger = LoggerFactory.getLogger(ViewStore.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ArticleIds articles;

	private final Duration window;

	private final Clock clock;

	ViewStore(JdbcTemplate jdbc, TransactionTemplate transactions, ArticleIds articles, ShimbunProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.articles = articles;
		this.window = properties.views().dedupeWindow();
		this.clock = clock;
	}

	/** Writes the counts, all or nothing. */
	void write(ViewCounts counts) {
		this.transactions.executeWithoutResult((status) -> writeInTransaction(counts));
	}

	private void writeInTransaction(ViewCounts counts) {
		this.jdbc.queryForList("SELECT id FROM view_flush_turn WHERE id = 1 FOR UPDATE", Integer.class);
		Map<String, Long> ids = this.articles.bySlug(counts.slugs());
		Map<Long, Long> totals = new HashMap<>();
		Map<HourKey, Long> hours = new HashMap<>();
		for (Seen seen : counted(counts.views(), ids)) {
			hours.merge(new HourKey(seen.articleId(), seen.at().truncatedTo(ChronoUnit.HOURS)), 1L, Long::sum);
		}
		hours.forEach((key, views) -> {
			OffsetDateTime hour = key.hour().atOffset(ZoneOffset.UTC);
			int updated = this.jdbc.update(
					"UPDATE article_view_hour SET views = views + ? WHERE article_id = ? AND hour_start = ?", views,
					key.articleId(), hour);
			if (updated == 0) {
				this.jdbc.update("INSERT INTO article_view_hour (article_id, hour_start, views) VALUES (?, ?, ?)",
						key.articleId(), hour, views);
			}
			totals.merge(key.articleId(), views, Long::sum);
		});
		totals.forEach((id, views) -> this.jdbc.update("UPDATE article SET view_count = view_count + ? WHERE id = ?",
				views, id));
		List<Object[]> reads = new ArrayList<>();
		for (ViewCounts.Read read : counts.reads()) {
			Long id = ids.get(read.slug());
			if (id != null) {
				reads.add(new Object[] { read.readerHash(), read.day(), id, read.readerHash(), read.day(), id });
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO reader_read (reader_hash, read_day, article_id)
				SELECT ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM reader_read WHERE reader_hash = ? AND read_day = ? AND article_id = ?)
				""", reads);
	}

	/**
	 * The views that count: those with no counted view of the same reader and article
	 * within the window before them, here or in {@code view_seen}, which they update. The
	 * views of one reader and article are decided in the order they were read, one round
	 * each (a buffer rarely holds more than one), the rounds in batches.
	 */
	private List<Seen> counted(List<ViewCounts.View> views, Map<String, Long> ids) {
		Map<SeenKey, List<ViewCounts.View>> byKey = new LinkedHashMap<>();
		for (ViewCounts.View view : views) {
			Long id = ids.get(view.slug());
			if (id != null) {
				byKey.computeIfAbsent(new SeenKey(view.readerHash(), id), (key) -> new ArrayList<>()).add(view);
			}
		}
		byKey.values().forEach((list) -> list.sort(Comparator.comparing(ViewCounts.View::at)));
		List<Seen> counted = new ArrayList<>();
		for (int round = 0;; round++) {
			List<Seen> candidates = new ArrayList<>();
			for (Map.Entry<SeenKey, List<ViewCounts.View>> entry : byKey.entrySet()) {
				if (round < entry.getValue().size()) {
					candidates.add(new Seen(entry.getKey().readerHash(), entry.getKey().articleId(),
							entry.getValue().get(round).at()));
				}
			}
			if (candidates.isEmpty()) {
				return counted;
			}
			counted.addAll(claim(candidates));
		}
	}

	/**
	 * Records the views of distinct readers and articles as counted, where no view of the
	 * same reader and article was counted within the window before; returns those.
	 */
	private List<Seen> claim(List<Seen> candidates) {
		int[] updated = this.jdbc.batchUpdate(
				"UPDATE view_seen SET counted_at = ? WHERE reader_hash = ? AND article_id = ? AND counted_at <= ?",
				candidates.stream()
					.map((seen) -> new Object[] { utc(seen.at()), seen.readerHash(), seen.articleId(),
							utc(seen.at().minus(this.window)) })
					.toList());
		List<Seen> claimed = new ArrayList<>();
		List<Seen> unseen = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			(updated[i] > 0 ? claimed : unseen).add(candidates.get(i));
		}
		int[] inserted = this.jdbc.batchUpdate("""
				INSERT INTO view_seen (reader_hash, article_id, counted_at)
				SELECT ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM view_seen WHERE reader_hash = ? AND article_id = ?)
				""",
				unseen.stream()
					.map((seen) -> new Object[] { seen.readerHash(), seen.articleId(), utc(seen.at()),
							seen.readerHash(), seen.articleId() })
					.toList());
		for (int i = 0; i < unseen.size(); i++) {
			if (inserted[i] > 0) {
				claimed.add(unseen.get(i));
			}
		}
		return claimed;
	}

	/**
	 * Every five minutes, once per cluster: forgets the counted views older than the
	 * dedupe window, which no longer keep anyone from being counted.
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "view-seen-cleanup", lockAtLeastFor = "PT1M")
	void forgetOldViews() {
		try {
			deleteSeenBefore(this.clock.instant().minus(this.window));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not delete old counted views: {}", ex.getMessage());
		}
	}

	int deleteSeenBefore(Instant before) {
		return this.jdbc.update("DELETE FROM view_seen WHERE counted_at < ?", utc(before));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** An article's views in the hour that starts at {@code hour}. */
	private record HourKey(Long articleId, Instant hour) {
	}

	private record SeenKey(String readerHash, Long articleId) {
	}

	/** A reader's view of an article, counted or to be decided. */
	private record Seen(String readerHash, Long articleId, Instant at) {
	}

}
