package dev.shimbun.pagecache;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a reader's page that is kept fresh in memory right after the request id is
 * given, ahead of the filters such a page does not need: sessions (a reader has none),
 * the staff checks, and {@link PageCacheFilter}'s own. A profile of bench/pages.sh found
 * those filters and their wrappers of the request and response a good part of the work of
 * a page served from memory. The read is counted ({@link PageReads}) and the request
 * timed ({@link PageTimings}) as behind.
 * <p>
 * Only a request that cannot be staff's (no session cookie, no session) and has no query
 * string (so nothing for {@code MalformedRequestFilter} to refuse) is served here; every
 * other request, and a page not kept or stale, goes on to {@link PageCacheFilter}, which
 * uses the page looked up here rather than looking it up again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class FreshPageFilter extends OncePerRequestFilter {

	/** The request attribute with the page looked up here ({@link LookedUp}). */
	static final String LOOKED_UP = FreshPageFilter.class.getName() + ".lookedUp";

	private final PageCache cache;

	private final PageKeys keys;

	private final PageWriter writer;

	private final PageTimings timings;

	private final CookieSerializer sessionCookies;

	private final List<PageReads> reads;

	FreshPageFilter(PageCache cache, PageKeys keys, PageWriter writer, PageTimings timings,
			CookieSerializer sessionCookies, List<PageReads> reads) {
		this.cache = cache;
		this.keys = keys;
		this.writer = writer;
		this.timings = timings;
		this.sessionCookies = sessionCookies;
		this.reads = List.copyOf(reads);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getQueryString() != null || !this.keys.answers(request) || !this.cache.enabled()
				|| mayBeStaff(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PageKey key = this.keys.key(request);
		PageCache.Kept kept = (key != null) ? this.cache.get(key) : null;
		if (kept == null || kept.isStale()) {
			if (key != null) {
				request.setAttribute(LOOKED_UP, new LookedUp(key, kept));
			}
			chain.doFilter(request, response);
			return;
		}
		this.timings.time(request, response, () -> {
			String route = this.writer.serve(request, response, kept.page());
			for (PageReads read : this.reads) {
				read.served(request, response);
			}
			return route;
		});
	}

	/** A session cookie (valid or not) or a session: left to the filters behind. */
	private boolean mayBeStaff(HttpServletRequest request) {
		return request.getSession(false) != null || !this.sessionCookies.readCookieValues(request).isEmpty();
	}

	/** The page kept under a key, looked up once for a request: {@code null} if none. */
	record LookedUp(PageKey key, PageCache.Kept kept) {

		/** The page looked up for this key by {@link FreshPageFilter}, if it did. */
		static LookedUp of(HttpServletRequest request, PageKey key) {
			return (request.getAttribute(LOOKED_UP) instanceof LookedUp looked && looked.key().equals(key)) ? looked
					: null;
		}

	}

}
