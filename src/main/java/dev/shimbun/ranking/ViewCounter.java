package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.database.DatabaseAvailability;
import dev.shimbun.database.DatabaseUnavailable;
import dev.shimbun.observability.CacheMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts reads of article pages. A read is buffered in memory and written with the others
 * by {@link ViewStore} every few seconds (and when the application shuts down
 * gracefully), so counting never slows a page; at most one flush interval of counts is at
 * risk on a crash. Written counts are not announced: an article page shows the count of
 * its rendering, at most the page cache's lifetime old ({@code PageCache}). Its metrics:
 * the seconds since the last successful flush, the counts waiting for the next one, and
 * the dedupe cache.
 */
@Component
class ViewCounter implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(ViewCounter.class);

	private final ViewStore store;

	private final Clock clock;

	private final ZoneId zone;

	private final Cache<String, Boolean> recentReads;

	private final AtomicReference<ViewCounts> buffer = new AtomicReference<>(new ViewCounts());

	/** When a flush last ended without an error (or found nothing to write). */
	private volatile Instant lastFlush;

	/**
	 * Reads add to the buffer under the read lock; a flush swaps it under the write lock.
	 */
	private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

	private final DatabaseAvailability database;

	ViewCounter(ViewStore store, Clock clock, ShimbunProperties properties, DatabaseAvailability database) {
		this.store = store;
		this.database = database;
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
	 * window: this instance remembers the reads it buffered, and the flush counts a read
	 * only if no instance counted the same reader and article in the window
	 * ({@link ViewStore}).
	 * @return whether it was buffered (not a read this instance saw in the window)
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
			this.buffer.get().add(slug, readerHash, now, now.atZone(this.zone).toLocalDate());
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
		ViewCounts full;
		this.swap.writeLock().lock();
		try {
			full = this.buffer.getAndSet(new ViewCounts());
		}
		finally {
			this.swap.writeLock().unlock();
		}
		if (full.isEmpty()) {
			this.lastFlush = this.clock.instant();
			return;
		}
		try {
			this.store.write(full);
			this.lastFlush = this.clock.instant();
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.is(ex)) {
				// the outage is logged once by DatabaseAvailability
				logger.debug("Could not write {} view counts; keeping them for the next flush", full.total(), ex);
			}
			else {
				logger.warn("Could not write {} view counts; keeping them for the next flush", full.total(), ex);
			}
			this.swap.readLock().lock();
			try {
				this.buffer.get().addAll(full);
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

	/** Counts not yet written, for tests and metrics. */
	long pending() {
		return this.buffer.get().total();
	}

	double secondsSinceFlush() {
		return Math.max(0, Duration.between(this.lastFlush, this.clock.instant()).toMillis() / 1000.0);
	}

	void forgetRecentReads() {
		this.recentReads.invalidateAll();
	}

}
