package dev.shimbun.pagecache;

import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The last rendering of each page, kept after the page was dropped or expired, within a
 * size bound: while the database is unavailable, it is what readers get, as an edge cache
 * serves stale on error. A change that may have taken something off the site drops it.
 */
class LastKnownPages {

	private final Cache<PageKey, CachedPage> pages;

	LastKnownPages(long maximumBytes) {
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maximumBytes)
			.weigher((PageKey key, CachedPage page) -> page.weight())
			.build();
	}

	/** The last rendering of a page, however old, or {@code null}. */
	CachedPage get(PageKey key) {
		return this.pages.getIfPresent(key);
	}

	void put(PageKey key, CachedPage page) {
		this.pages.put(key, page);
	}

	/** Drops the last renderings of the pages that match. */
	/** Forgets the page of the key if it is still this one. */
	void remove(PageKey key, CachedPage page) {
		this.pages.asMap().remove(key, page);
	}

	void drop(Predicate<CachedPage> which) {
		this.pages.asMap().values().removeIf(which);
	}

	void dropAll() {
		this.pages.invalidateAll();
	}

}
