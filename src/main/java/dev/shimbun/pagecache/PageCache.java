package dev.shimbun.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages (front, articles, categories) kept in memory, bounded by size,
 * and dropped when what they show changes: comments under an article drop that article's
 * pages; an article, a list, a category, a media item or the rankings drop every page,
 * since any of them can show in any page's lists and sidebars. Changes made on other
 * instances arrive through {@link dev.shimbun.cluster.ClusterEvents}. Articles and list
 * entries becoming visible or hidden at their scheduled times drop every page at that
 * time, and no page is kept longer than {@code shimbun.pages.cache-ttl}. The time of the
 * next scheduled change is looked up when something changes, or in the background when
 * that time has passed, never while a reader waits.
 * <p>
 * The last rendering of every page is also kept after it was dropped or expired (within
 * the same size bound): while the database is unavailable, it is what readers get.
 */
@Component
public class PageCache {

	private static final Logger logger = LoggerFactory.getLogger(PageCache.class);

	/** How soon a failed look-up of the next scheduled change is tried again. */
	private static final Duration SCHEDULE_RETRY = Duration.ofSeconds(5);

	private final Cache<String, CachedPage> pages;

	/** The last rendering of each page, kept past its lifetime, for outages. */
	private final Cache<String, CachedPage> lastKnown;

	/** Looks up the next scheduled change after its time passed. */
	private final ScheduledExecutorService scheduleLookup = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "page-cache-schedule");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean scheduleLookupPending = new AtomicBoolean();

	private final JdbcTemplate jdbc;

	private final Counter renders;

	private final Map<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();

	private final Clock clock;

	private final boolean enabled;

	/** Grows at every drop; a page rendered across a drop is not kept. */
	private final AtomicLong generation = new AtomicLong();

	/** The next time an article becomes visible or hidden by its schedule. */
	private volatile Instant nextScheduledChange = Instant.MIN;

	PageCache(ShimbunProperties properties, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
		ShimbunProperties.Pages settings = properties.pages();
		this.enabled = settings.cache();
		this.jdbc = jdbc;
		this.clock = clock;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.cacheSize().toBytes())
			.weigher((String key, CachedPage page) -> page.weight())
			.expireAfterWrite(settings.cacheTtl())
			.recordStats()
			.build();
		this.lastKnown = Caffeine.newBuilder()
			.maximumWeight(settings.cacheSize().toBytes())
			.weigher((String key, CachedPage page) -> page.weight())
			.build();
		CaffeineCacheMetrics.monitor(meters, this.pages, "pages");
		this.renders = Counter.builder("shimbun.pages.renders")
			.description("Public pages rendered for the page cache (the others are served from memory)")
			.register(meters);
	}

	boolean enabled() {
		return this.enabled;
	}

	long generation() {
		return this.generation.get();
	}

	CachedPage get(String key) {
		if (!this.clock.instant().isBefore(this.nextScheduledChange)) {
			// an article or entry may have been taken off the site at this time
			this.lastKnown.invalidateAll();
			drop();
			// until the look-up is done, no other request drops the pages again
			this.nextScheduledChange = Instant.MAX;
			lookUpScheduleInBackground();
		}
		return this.pages.getIfPresent(key);
	}

	/**
	 * The last rendering of a page, however old: for when it cannot be rendered now.
	 */
	CachedPage lastKnown(String key) {
		return this.lastKnown.getIfPresent(key);
	}

	/**
	 * Keeps a page unless something was dropped since it started rendering.
	 * @return whether it was kept
	 */
	boolean put(String key, CachedPage page, long renderedInGeneration) {
		if (this.generation.get() == renderedInGeneration) {
			this.pages.put(key, page);
			this.lastKnown.put(key, page);
			if (this.generation.get() == renderedInGeneration) {
				return true;
			}
			this.pages.invalidate(key);
		}
		return false;
	}

	/**
	 * Claims the rendering of a page that is not kept: one request renders it, the others
	 * asking for it meanwhile wait for that one instead of all rendering it at once.
	 * @return the rendering another request started, or {@code null} when this one is to
	 * render (and then {@link #rendered} it)
	 */
	CompletableFuture<CachedPage> claim(String key, CompletableFuture<CachedPage> mine) {
		return this.rendering.putIfAbsent(key, mine);
	}

	/**
	 * Ends a claimed rendering; {@code page} is what the waiting requests serve, or
	 * {@code null} when they should render for themselves.
	 */
	void rendered(String key, CompletableFuture<CachedPage> mine, CachedPage page) {
		this.renders.increment();
		this.rendering.remove(key, mine);
		mine.complete(page);
	}

	/**
	 * Drops what a change makes out of date. A change that may take something off the
	 * site (an article's content or status, a media item, comments hidden or moderated, a
	 * scheduled time passing) also drops the last renderings kept for outages; a new
	 * comment, counts, rankings, lists or menus leave them.
	 */
	@EventListener
	void onChange(ContentChanged change) {
		ContentChanged.Topic topic = change.topic();
		boolean removed = topic == ContentChanged.Topic.COMMENTS_REMOVED;
		if ((topic == ContentChanged.Topic.COMMENTS || topic == ContentChanged.Topic.VIEWS || removed)
				&& change.key() != null) {
			invalidateArticle(change.key(), removed);
		}
		else {
			if (topic == ContentChanged.Topic.ARTICLE || topic == ContentChanged.Topic.MEDIA || removed) {
				this.lastKnown.invalidateAll();
			}
			invalidateAll();
		}
	}

	/** Drops the pages of one article (all its comment pages and orders). */
	public void invalidateArticle(String slug) {
		invalidateArticle(slug, false);
	}

	private void invalidateArticle(String slug, boolean withLastKnown) {
		this.generation.incrementAndGet();
		String path = "/articles/" + slug;
		this.pages.asMap().keySet().removeIf((key) -> key.equals(path) || key.startsWith(path + "?"));
		if (withLastKnown) {
			this.lastKnown.asMap().keySet().removeIf((key) -> key.equals(path) || key.startsWith(path + "?"));
		}
	}

	/**
	 * Drops every page, and looks up the next scheduled change, which may be what
	 * changed.
	 */
	public void invalidateAll() {
		drop();
		lookUpSchedule();
	}

	/**
	 * Drops every page, when what they all show changed in a way that changes nothing
	 * scheduled (the sidebar's lists, read again).
	 */
	public void dropPages() {
		drop();
	}

	private void drop() {
		this.generation.incrementAndGet();
		this.pages.invalidateAll();
	}

	private void lookUpScheduleInBackground() {
		lookUpScheduleInBackground(Duration.ZERO);
	}

	private void lookUpScheduleInBackground(Duration delay) {
		if (this.scheduleLookupPending.compareAndSet(false, true)) {
			try {
				this.scheduleLookup.schedule(() -> {
					this.scheduleLookupPending.set(false);
					lookUpSchedule();
				}, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				this.scheduleLookupPending.set(false);
			}
		}
	}

	private void lookUpSchedule() {
		try {
			this.nextScheduledChange = nextScheduledChange();
		}
		catch (RuntimeException ex) {
			// the database is unavailable: pages stay as they are, and the look-up is
			// tried
			// again in the background until it answers
			logger.debug("Could not look up the next scheduled change", ex);
			this.nextScheduledChange = Instant.MAX;
			lookUpScheduleInBackground(SCHEDULE_RETRY);
		}
	}

	@PreDestroy
	void stopLookups() {
		this.scheduleLookup.shutdownNow();
	}

	private Instant nextScheduledChange() {
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		OffsetDateTime publish = this.jdbc.queryForObject(
				"SELECT MIN(published_at) FROM article WHERE status IN ('SCHEDULED', 'PUBLISHED') AND published_at > ?",
				OffsetDateTime.class, now);
		OffsetDateTime unpublish = this.jdbc
			.queryForObject("SELECT MIN(unpublish_at) FROM article WHERE unpublish_at > ?", OffsetDateTime.class, now);
		OffsetDateTime listEntry = this.jdbc.queryForObject("""
				SELECT MIN(t) FROM (
					SELECT MIN(starts_at) AS t FROM curated_list_entry WHERE starts_at > ?
					UNION ALL SELECT MIN(ends_at) AS t FROM curated_list_entry WHERE ends_at > ?
				) times""", OffsetDateTime.class, now, now);
		Instant next = Instant.MAX;
		for (OffsetDateTime time : new OffsetDateTime[] { publish, unpublish, listEntry }) {
			if (time != null && time.toInstant().isBefore(next)) {
				next = time.toInstant();
			}
		}
		return next;
	}

	/** How many pages were rendered for the cache, for tests. */
	double renders() {
		return this.renders.count();
	}

	/** Pages kept now, for tests. */
	long size() {
		this.pages.cleanUp();
		return this.pages.estimatedSize();
	}

}
