package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.database.DatabaseAvailability;
import dev.shimbun.database.DatabaseUnavailable;
import dev.shimbun.observability.CacheMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts reads of article pages. A read is buffered in memory and written with the others
 * every few seconds (and when the application shuts down gracefully), so counting never
 * slows a page; at most one flush interval of counts is at risk on a crash. Counts go to
 * hourly buckets (for windowed rankings) and the article's total; which readers read what
 * on a day is kept, by hashed reader, for こんな記事も読まれています. The only writer of view counts.
 * Its metrics: the seconds since the last successful flush, the counts waiting for the
 * next one, and the dedupe cache.
 */
@Component
class ViewCounter implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(ViewCounter.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	private final Cache<String, Boolean> recentReads;

	private final AtomicReference<Buffer> buffer = new AtomicReference<>(new Buffer());

	/** When a flush last ended without an error (or found nothing to write). */
	private volatile Instant lastFlush;

	/**
	 * Reads add to the buffer under the read lock; a flush swaps it under the write lock.
	 */
	private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

	private final ApplicationEventPublisher events;

	private final DatabaseAvailability database;

	ViewCounter(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, ShimbunProperties properties,
			ApplicationEventPublisher events, DatabaseAvailability database) {
		this.events = events;
		this.database = database;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.recentReads = Caffeine.newBuilder()
			.expireAfterWrite(properties.views().dedupeWindow())
			.maximumSize(2_000_000)
			.recordStats()
			.build();
		this.lastFlush = clock.instant();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("shimbun.views.flush.lag", this, ViewCounter::secondsSinceFlush)
			.description("Seconds since view counts were last written (or there were none to write)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("shimbun.views.pending", this, ViewCounter::pending)
			.description("Article reads counted in memory and not yet written")
			.register(registry);
		CacheMetrics.monitor(registry, this.recentReads, "views.recent-reads");
	}

	/**
	 * A reader read an article page. Counted once per reader and article in the dedupe
	 * window.
	 * @return whether it was counted
	 */
	boolean record(String slug, String readerHash) {
		// get (not asMap) so that the cache statistics count repeated reads as hits
		boolean[] counted = { false };
		this.recentReads.get(readerHash + "|" + slug, (key) -> {
			counted[0] = true;
			return Boolean.TRUE;
		});
		if (!counted[0]) {
			return false;
		}
		Instant now = this.clock.instant();
		this.swap.readLock().lock();
		try {
			Buffer current = this.buffer.get();
			current.views
				.computeIfAbsent(new HourKey(slug, now.truncatedTo(ChronoUnit.HOURS)), (key) -> new LongAdder())
				.increment();
			current.reads.add(new Read(readerHash, now.atZone(this.zone).toLocalDate(), slug));
		}
		finally {
			this.swap.readLock().unlock();
		}
		return true;
	}

	/**
	 * Writes the buffered counts; failed writes go back into the buffer. While the
	 * database is unavailable the counts stay in the buffer and are written after it
	 * returns.
	 */
	@Scheduled(fixedDelayString = "#{@shimbunProperties.views().flushInterval()}")
	synchronized void flush() {
		if (!this.database.available()) {
			return;
		}
		Buffer full;
		this.swap.writeLock().lock();
		try {
			full = this.buffer.getAndSet(new Buffer());
		}
		finally {
			this.swap.writeLock().unlock();
		}
		if (full.isEmpty()) {
			this.lastFlush = this.clock.instant();
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> write(full));
			this.lastFlush = this.clock.instant();
			// the counts shown on this instance's pages; other instances' pages catch up
			// within the page cache's lifetime
			full.views.keySet()
				.stream()
				.map(HourKey::slug)
				.distinct()
				.forEach((slug) -> this.events.publishEvent(new ContentChanged(Topic.VIEWS, slug, true)));
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.is(ex)) {
				// the outage is logged once by DatabaseAvailability
				logger.debug("Could not write {} view counts; keeping them for the next flush", full.views.size(), ex);
			}
			else {
				logger.warn("Could not write {} view counts; keeping them for the next flush", full.views.size(), ex);
			}
			this.swap.readLock().lock();
			try {
				Buffer current = this.buffer.get();
				full.views.forEach(
						(key, count) -> current.views.computeIfAbsent(key, (k) -> new LongAdder()).add(count.sum()));
				current.reads.addAll(full.reads);
			}
			finally {
				this.swap.readLock().unlock();
			}
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	private void write(Buffer full) {
		Map<String, Long> ids = ids(full.slugs());
		Map<Long, Long> totals = new HashMap<>();
		full.views.forEach((key, adder) -> {
			Long id = ids.get(key.slug());
			if (id == null) {
				return;
			}
			long views = adder.sum();
			OffsetDateTime hour = key.hour().atOffset(ZoneOffset.UTC);
			int updated = this.jdbc.update(
					"UPDATE article_view_hour SET views = views + ? WHERE article_id = ? AND hour_start = ?", views, id,
					hour);
			if (updated == 0) {
				this.jdbc.update("INSERT INTO article_view_hour (article_id, hour_start, views) VALUES (?, ?, ?)", id,
						hour, views);
			}
			totals.merge(id, views, Long::sum);
		});
		totals.forEach((id, views) -> this.jdbc.update("UPDATE article SET view_count = view_count + ? WHERE id = ?",
				views, id));
		List<Object[]> reads = new ArrayList<>();
		for (Read read : full.reads) {
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

	private Map<String, Long> ids(Set<String> slugs) {
		Map<String, Long> ids = new HashMap<>();
		List<String> all = new ArrayList<>(slugs);
		for (int from = 0; from < all.size(); from += 500) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
			String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			RowCallbackHandler collect = (row) -> ids.put(row.getString("slug"), row.getLong("id"));
			this.jdbc.query("SELECT id, slug FROM article WHERE slug IN (" + marks + ")", collect, chunk.toArray());
		}
		return ids;
	}

	/** Counts not yet written, for tests and metrics. */
	long pending() {
		return this.buffer.get().views.values().stream().mapToLong(LongAdder::sum).sum();
	}

	double secondsSinceFlush() {
		return Math.max(0, Duration.between(this.lastFlush, this.clock.instant()).toMillis() / 1000.0);
	}

	void forgetRecentReads() {
		this.recentReads.invalidateAll();
	}

	private record HourKey(String slug, Instant hour) {
	}

	private record Read(String readerHash, LocalDate day, String slug) {
	}

	private static final class Buffer {

		final Map<HourKey, LongAdder> views = new ConcurrentHashMap<>();

		final Set<Read> reads = ConcurrentHashMap.newKeySet();

		boolean isEmpty() {
			return this.views.isEmpty() && this.reads.isEmpty();
		}

		Set<String> slugs() {
			Set<String> slugs = new java.util.HashSet<>();
			this.views.keySet().forEach((key) -> slugs.add(key.slug()));
			this.reads.forEach((read) -> slugs.add(read.slug()));
			return slugs;
		}

	}

}
