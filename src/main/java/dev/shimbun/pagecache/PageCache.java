package dev.shimbun.pagecache;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

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
 * time, and no page is kept longer than {@code shimbun.pages.cache-ttl}.
 */
@Component
public class PageCache {

	private final Cache<String, CachedPage> pages;

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
			invalidateAll();
		}
		return this.pages.getIfPresent(key);
	}

	/**
	 * Keeps a page unless something was dropped since it started rendering.
	 * @return whether it was kept
	 */
	boolean put(String key, CachedPage page, long renderedInGeneration) {
		if (this.generation.get() == renderedInGeneration) {
			this.pages.put(key, page);
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

	@EventListener
	void onChange(ContentChanged change) {
		if ((change.topic() == ContentChanged.Topic.COMMENTS || change.topic() == ContentChanged.Topic.VIEWS)
				&& change.key() != null) {
			invalidateArticle(change.key());
		}
		else {
			invalidateAll();
		}
	}

	/** Drops the pages of one article (all its comment pages and orders). */
	public void invalidateArticle(String slug) {
		this.generation.incrementAndGet();
		String path = "/articles/" + slug;
		this.pages.asMap().keySet().removeIf((key) -> key.equals(path) || key.startsWith(path + "?"));
	}

	/** Drops every page. */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.pages.invalidateAll();
		this.nextScheduledChange = nextScheduledChange();
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
