package dev.shimbun.pagecache;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages kept in memory, bounded by size, and dropped when what they show
 * changes: comments under an article or its count drop that article's pages; an article,
 * a list, a category, a media item or the rankings drop every page, since any of them can
 * show in any page's lists and sidebars. Changes made on other instances arrive through
 * {@link dev.shimbun.cluster.ClusterEvents}. Every page is dropped when a scheduled
 * change comes ({@link ScheduleWatch}), and no page is kept longer than
 * {@code shimbun.pages.cache-ttl}.
 * <p>
 * The last rendering of every page is also kept after it was dropped or expired
 * ({@link LastKnownPages}): while the database is unavailable, it is what readers get.
 */
@Component
public class PageCache {

	private final Cache<PageKey, CachedPage> pages;

	private final LastKnownPages lastKnown;

	private final ScheduleWatch schedule;

	private final boolean enabled;

	/** Grows at every drop; a page rendered across a drop is not kept. */
	private final AtomicLong generation = new AtomicLong();

	PageCache(ShimbunProperties properties, ScheduleWatch schedule, MeterRegistry meters) {
		ShimbunProperties.Pages settings = properties.pages();
		this.enabled = settings.cache();
		this.schedule = schedule;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.cacheSize().toBytes())
			.weigher((PageKey key, CachedPage page) -> page.weight())
			.expireAfterWrite(settings.cacheTtl())
			.recordStats()
			.build();
		this.lastKnown = new LastKnownPages(settings.cacheSize().toBytes());
		CaffeineCacheMetrics.monitor(meters, this.pages, "pages");
	}

	boolean enabled() {
		return this.enabled;
	}

	long generation() {
		return this.generation.get();
	}

	/** A page kept now, or {@code null}. */
	CachedPage get(PageKey key) {
		if (this.schedule.due()) {
			// an article or entry may have been taken off the site at this time
			this.lastKnown.dropAll();
			drop();
			this.schedule.lookUpLater();
		}
		return this.pages.getIfPresent(key);
	}

	/**
	 * The last rendering of a page, however old: for when it cannot be rendered now.
	 */
	CachedPage lastKnown(PageKey key) {
		return this.lastKnown.get(key);
	}

	/**
	 * Keeps a page unless something was dropped since it started rendering.
	 * @return whether it was kept
	 */
	boolean put(PageKey key, CachedPage page, long renderedInGeneration) {
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
	 * Drops what a change makes out of date. A change that may take something off the
	 * site (an article's content or status, a media item, comments hidden or moderated, a
	 * scheduled time passing) also drops the last renderings kept for outages; a new
	 * comment, counts, rankings, lists or menus leave them.
	 */
	@EventListener
	@Order(ContentChanged.PAGES)
	void onChange(ContentChanged change) {
		ContentChanged.Topic topic = change.topic();
		if (!topic.changesPages()) {
			return;
		}
		boolean removed = topic == ContentChanged.Topic.COMMENTS_REMOVED;
		if ((topic == ContentChanged.Topic.COMMENTS || topic == ContentChanged.Topic.VIEWS || removed)
				&& change.key() != null) {
			invalidateArticle(change.key(), removed);
		}
		else {
			if (topic == ContentChanged.Topic.ARTICLE || topic == ContentChanged.Topic.MEDIA || removed) {
				this.lastKnown.dropAll();
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
		this.pages.asMap().keySet().removeIf((key) -> key.isOf(slug));
		if (withLastKnown) {
			this.lastKnown.drop((key) -> key.isOf(slug));
		}
	}

	/**
	 * Drops every page, and looks up the next scheduled change, which may be what
	 * changed.
	 */
	public void invalidateAll() {
		drop();
		this.schedule.lookUp();
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

	/** Pages kept now, for tests. */
	long size() {
		this.pages.cleanUp();
		return this.pages.estimatedSize();
	}

}
