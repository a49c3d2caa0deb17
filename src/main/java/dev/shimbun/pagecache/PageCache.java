package dev.shimbun.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rendered public pages kept in memory, bounded by size, and dropped as narrowly as what
 * changed, by the tags each page carries ({@link PageTags}):
 * <ul>
 * <li>a new comment marks its article's pages stale: its writer sees it at once all the
 * same, since the page they are sent back to after posting ({@code ?comment=posted}) is
 * rendered for them alone; comments removed by moderation drop the pages, and the last
 * renderings kept for outages too;</li>
 * <li>an article's change drops its own pages (it may have left the site) and marks stale
 * the pages that link to it and the front and category pages (where it may now appear);
 * an edit that leaves it on the site at the same address marks its pages stale too, and
 * one that leaves its headline, category, status and times as well marks stale only its
 * pages and the pages that show its summary or picture (the front page while it is the
 * top story: {@link PageTags#showsSummaryOf});</li>
 * <li>written view counts and comment reactions are not announced: an article page shows
 * the counts of its rendering, at most {@code shimbun.pages.cache-ttl} old (the busiest
 * articles, read by many, would otherwise be rendered again at every flush of the view
 * counter, every few seconds);</li>
 * <li>lists, categories, menus, comment rules and changed rankings mark every page stale;
 * a media item or a scheduled time passing drops every page.</li>
 * </ul>
 * A stale page is served as it is while one request renders it again (stale while
 * revalidate), so that a change made by somebody else never makes readers wait. Changes
 * made on other instances arrive through {@link dev.shimbun.cluster.ClusterEvents}; each
 * drop is also announced as {@link PagesDropped}, for an edge cache in front. A page kept
 * longer than {@code shimbun.pages.cache-ttl} is stale, and one nobody asked for in twice
 * that time is dropped.
 * <p>
 * The last rendering of every page is also kept after it was dropped or expired
 * ({@link LastKnownPages}): while the database is unavailable, it is what readers get.
 */
@Component
public class PageCache {

	/** How many drops are remembered for the renderings that cross them. */
	private static final int DROPS_KEPT = 512;

	private final Cache<PageKey, Kept> pages;

	private final LastKnownPages lastKnown;

	private final ScheduleWatch schedule;

	private final ApplicationEventPublisher events;

	private final boolean enabled;

	/** The number of the last drop; a rendering starts with the number it saw. */
	private final AtomicLong drops = new AtomicLong();

	/** The latest drops, to tell whether a rendering crossed one that concerns it. */
	private final Deque<Drop> recent = new ConcurrentLinkedDeque<>();

	/** The number of the latest drop no longer in {@link #recent}. */
	private volatile long forgotten;

	private final Counter staleServed;

	private final Clock clock;

	/** How long a kept page is fresh when nothing announced a change. */
	private final Duration ttl;

	PageCache(ShimbunProperties properties, ScheduleWatch schedule, ApplicationEventPublisher events,
			MeterRegistry meters, Clock clock) {
		ShimbunProperties.Pages settings = properties.pages();
		this.enabled = settings.cache();
		this.clock = clock;
		this.ttl = settings.cacheTtl();
		this.schedule = schedule;
		this.events = events;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.cacheSize().toBytes())
			.weigher((PageKey key, Kept kept) -> kept.page().weight())
			// a page older than the TTL is stale (get); one nobody asked for since is
			// gone
			.expireAfterWrite(settings.cacheTtl().multipliedBy(2))
			.recordStats()
			.build();
		this.lastKnown = new LastKnownPages(settings.cacheSize().toBytes());
		CaffeineCacheMetrics.monitor(meters, this.pages, "pages");
		this.staleServed = Counter.builder("shimbun.pages.stale")
			.description("Pages served stale while another request rendered them again")
			.register(meters);
	}

	boolean enabled() {
		return this.enabled;
	}

	/** The number of the latest drop, to give {@link #put} after a rendering. */
	long generation() {
		return this.drops.get();
	}

	/** A page kept now, fresh or stale, or {@code null}. */
	Kept get(PageKey key) {
		if (this.schedule.due()) {
			// an article or entry may have been taken off the site at this time
			this.schedule.lookUpLater();
			drop(Set.of(PageTags.ALL), false, true);
		}
		Kept kept = this.pages.getIfPresent(key);
		if (kept != null && !kept.isStale() && !this.clock.instant().isBefore(kept.freshUntil())) {
			// kept as long as nothing announced a change to it: served while one request
			// renders it again, as after a change
			kept.markStale();
		}
		return kept;
	}

	/**
	 * Forgets a stale page whose rendering again answered something else than a page (not
	 * found, moved, a cookie set), and its last rendering kept for outages: the next
	 * request is answered as the page is now, not as it was. Nothing is forgotten if the
	 * page was kept again meanwhile.
	 */
	void forget(PageKey key, CachedPage page) {
		this.pages.asMap().computeIfPresent(key, (same, kept) -> kept.page().equals(page) ? null : kept);
		this.lastKnown.remove(key, page);
	}

	/** Counts a page served stale. */
	void servedStale() {
		this.staleServed.increment();
	}

	/**
	 * The last rendering of a page, however old: for when it cannot be rendered now.
	 */
	CachedPage lastKnown(PageKey key) {
		return this.lastKnown.get(key);
	}

	/**
	 * Keeps a page rendered since the drop numbered {@code renderedAfter}: fresh when no
	 * drop since concerned it; stale when one marked it stale (it is served until it is
	 * rendered again); not at all when one dropped it.
	 * @return whether it was kept fresh
	 */
	boolean put(PageKey key, CachedPage page, long renderedAfter) {
		Crossed crossed = crossed(page, renderedAfter);
		if (crossed == Crossed.DROP) {
			return false;
		}
		Kept kept = new Kept(page, crossed == Crossed.STALE, this.clock.instant().plus(this.ttl));
		this.pages.put(key, kept);
		this.lastKnown.put(key, page);
		// a drop may have come between the look and the put, and not have seen the page
		crossed = crossed(page, renderedAfter);
		if (crossed == Crossed.DROP) {
			this.pages.asMap().remove(key, kept);
			return false;
		}
		if (crossed == Crossed.STALE) {
			kept.markStale();
			return false;
		}
		return true;
	}

	private Crossed crossed(CachedPage page, long renderedAfter) {
		if (this.drops.get() == renderedAfter) {
			return Crossed.NONE;
		}
		if (this.forgotten > renderedAfter) {
			return Crossed.DROP;
		}
		Crossed crossed = Crossed.NONE;
		for (Drop drop : this.recent) {
			if (drop.number() > renderedAfter && page.isTagged(drop.tags())) {
				if (!drop.soft()) {
					return Crossed.DROP;
				}
				crossed = Crossed.STALE;
			}
		}
		return crossed;
	}

	/**
	 * Drops or marks stale what a change makes out of date (see the class comment).
	 */
	@EventListener
	@Order(ContentChanged.PAGES)
	void onChange(ContentChanged change) {
		Topic topic = change.topic();
		String slug = change.key();
		switch (topic) {
			case COMMENTS -> {
				if (slug != null) {
					// stale, not dropped: at 20 comments a second on the busiest
					// articles,
					// dropping made their readers wait for a rendering many times a
					// second
					drop(Set.of(PageTags.pageOf(slug)), true, false);
				}
				else {
					// the rules of comments changed: every form and count
					invalidateAll();
				}
			}
			case COMMENTS_REMOVED -> drop(Set.of(PageTags.pageOf(slug)), false, true);
			case ARTICLE -> {
				if (slug != null) {
					drop(Set.of(PageTags.pageOf(slug)), false, true);
					this.lastKnown.drop((page) -> page.tags().contains(PageTags.linksTo(slug)));
					drop(Set.of(PageTags.linksTo(slug), PageTags.INDEX), true, false);
				}
				else {
					drop(Set.of(PageTags.ALL), false, true);
				}
				this.schedule.lookUp();
			}
			case ARTICLE_EDITED -> {
				// still on the site: served as it was while it is rendered again
				drop(Set.of(PageTags.pageOf(slug)), true, false);
				drop(Set.of(PageTags.linksTo(slug), PageTags.INDEX), true, false);
				this.schedule.lookUp();
			}
			case ARTICLE_TEXT_EDITED -> {
				// the pages that link to it or list it show it as they did: only its own
				// pages and those that show its summary or picture
				drop(Set.of(PageTags.pageOf(slug), PageTags.showsSummaryOf(slug)), true, false);
				this.schedule.lookUp();
			}
			case MEDIA -> {
				drop(Set.of(PageTags.ALL), false, true);
				this.schedule.lookUp();
			}
			case LIST, CATEGORY, RANKINGS -> invalidateAll();
			case REACTIONS -> {
				// pages keep their counts until they are next rendered
			}
		}
	}

	/**
	 * Drops the pages of one article (all its comment pages and orders), so that they are
	 * rendered again before they are served.
	 */
	public void invalidateArticle(String slug) {
		drop(Set.of(PageTags.pageOf(slug)), false, false);
	}

	/**
	 * Marks every page stale, and looks up the next scheduled change, which may be what
	 * changed.
	 */
	public void invalidateAll() {
		dropPages();
		this.schedule.lookUp();
	}

	/**
	 * Marks every page stale, when what they all show changed in a way that changes
	 * nothing scheduled (the sidebar's lists, read again).
	 */
	public void dropPages() {
		drop(Set.of(PageTags.ALL), true, false);
	}

	/**
	 * Drops the pages that carry any of the tags, or marks them stale.
	 * @param soft whether they may be served while they are rendered again
	 * @param withLastKnown whether their last renderings kept for outages go too (the
	 * change may have taken something off the site)
	 */
	private void drop(Set<String> tags, boolean soft, boolean withLastKnown) {
		long number = this.drops.incrementAndGet();
		this.recent.addLast(new Drop(number, tags, soft));
		while (this.recent.size() > DROPS_KEPT) {
			Drop oldest = this.recent.pollFirst();
			if (oldest != null) {
				this.forgotten = Math.max(this.forgotten, oldest.number());
			}
		}
		if (tags.contains(PageTags.ALL) && !soft) {
			this.pages.invalidateAll();
		}
		else {
			this.pages.asMap().entrySet().removeIf((entry) -> {
				Kept kept = entry.getValue();
				if (!kept.page().isTagged(tags)) {
					return false;
				}
				kept.markStale();
				return !soft;
			});
		}
		if (withLastKnown) {
			if (tags.contains(PageTags.ALL)) {
				this.lastKnown.dropAll();
			}
			else {
				this.lastKnown.drop((page) -> page.isTagged(tags));
			}
		}
		this.events.publishEvent(new PagesDropped(tags, soft));
	}

	/** Drops every page kept, as a restart would (not their last renderings): tests. */
	void clear() {
		drop(Set.of(PageTags.ALL), false, false);
	}

	/** Fresh pages kept now, for tests. */
	long size() {
		this.pages.cleanUp();
		return this.pages.asMap().values().stream().filter((kept) -> !kept.isStale()).count();
	}

	/** Pages kept now, fresh or stale, for tests. */
	long sizeWithStale() {
		this.pages.cleanUp();
		return this.pages.estimatedSize();
	}

	/** Whether a rendering crossed a drop that concerns its page. */
	private enum Crossed {

		NONE, STALE, DROP

	}

	/** One drop: its number, the tags it named, and whether it only marked stale. */
	private record Drop(long number, Set<String> tags, boolean soft) {
	}

	/** A page kept, fresh until a change marks it stale. */
	static final class Kept {

		private final CachedPage page;

		private volatile boolean stale;

		private final Instant freshUntil;

		/** The header lines the web server sends with the page, made on first use. */
		private volatile PageWriter.FreshFields freshFields;

		Kept(CachedPage page, boolean stale, Instant freshUntil) {
			this.page = page;
			this.stale = stale;
			this.freshUntil = freshUntil;
		}

		/** When the page is stale even if nothing announced a change to it. */
		Instant freshUntil() {
			return this.freshUntil;
		}

		CachedPage page() {
			return this.page;
		}

		boolean isStale() {
			return this.stale;
		}

		void markStale() {
			this.stale = true;
		}

		/**
		 * The header lines the web server sends with the page: made once (or, by a rare
		 * race, twice alike).
		 */
		PageWriter.FreshFields freshFields(Function<CachedPage, PageWriter.FreshFields> make) {
			PageWriter.FreshFields fields = this.freshFields;
			if (fields == null) {
				fields = make.apply(this.page);
				this.freshFields = fields;
			}
			return fields;
		}

	}

}
