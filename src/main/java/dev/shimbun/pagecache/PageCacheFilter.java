package dev.shimbun.pagecache;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import dev.shimbun.database.DatabaseAvailability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the public pages that the features declare ({@link CacheablePage}) from
 * {@link PageCache}: a page is rendered once ({@link Renderings}) and then written from
 * memory ({@link PageWriter}). Readers' responses may be kept briefly by browsers and
 * shared caches; signed-in staff's responses are never cached. While the database is
 * unavailable, a page that cannot be rendered is served from its last rendering. A page
 * served from memory carries the headers (security headers) its rendering got, and is
 * counted as a read by the view counter in front of this filter.
 * <p>
 * A page marked stale by a change is served as it is, as HTTP's stale-while-revalidate
 * does: the first request for it (unless as many stale pages as
 * {@code shimbun.pages.stale-renderings} are being rendered: then a later one) is
 * answered with the stale page and then, its answer sent, renders the page again; the
 * requests meanwhile get the stale page too. No reader waits for a rendering of a page
 * that is kept, and the answer's time ({@link PageTimings}) does not include it. A
 * request that asks for the page as it is now ({@link CurrentAsked}: a reload) is not
 * served it stale: it waits for the rendering, as for a page not kept.
 */
@Component
// After Spring Session (to see a staff session) and view counting (so that a page served
// from memory is counted), before Spring Security and the rest: a page served from
// memory carries the headers its rendering got from them.
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 20)
class PageCacheFilter extends OncePerRequestFilter {

	/** Where Spring Security keeps a signed-in user's context in the session. */
	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private final PageCache cache;

	private final PageKeys keys;

	private final Renderings renderings;

	private final PageWriter writer;

	private final DatabaseAvailability database;

	private final Clock clock;

	private final PageTimings timings;

	PageCacheFilter(PageCache cache, PageKeys keys, Renderings renderings, PageWriter writer,
			DatabaseAvailability database, Clock clock, PageTimings timings) {
		this.cache = cache;
		this.keys = keys;
		this.renderings = renderings;
		this.writer = writer;
		this.database = database;
		this.clock = clock;
		this.timings = timings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.keys.answers(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AfterAnswer after = new AfterAnswer();
		try {
			this.timings.time(request, response, () -> answer(request, response, chain, after));
		}
		finally {
			after.run();
		}
	}

	/**
	 * Answers a request from memory, or by rendering the page.
	 * @param after what is to be done once the answer is sent
	 * @return the route of a page served from memory; {@code null} when the rest of the
	 * chain answered
	 */
	private String answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			AfterAnswer after) throws ServletException, IOException {
		if (signedIn(request)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			chain.doFilter(request, response);
			return null;
		}
		PageKey key = this.keys.key(request);
		if (key == null || !this.cache.enabled()) {
			chain.doFilter(request, response);
			return null;
		}
		FreshPages.LookedUp looked = FreshPages.LookedUp.of(request, key);
		PageCache.Kept kept = (looked != null) ? looked.kept() : this.cache.get(key);
		if (kept != null && !kept.isStale()) {
			return this.writer.serve(request, response, kept.page());
		}
		if (!this.database.available()) {
			CachedPage last = (kept != null) ? kept.page() : this.cache.lastKnown(key);
			if (last != null) {
				return this.writer.serveLastKnown(request, response, last);
			}
		}
		if (!"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return null;
		}
		if (kept != null && !CurrentAsked.by(request.getHeader(HttpHeaders.CACHE_CONTROL),
				request.getHeader(HttpHeaders.PRAGMA))) {
			return serveStale(key, kept.page(), request, response, chain, after);
		}
		// not kept, or stale and asked for as it is now: rendered once for all who ask
		CompletableFuture<CachedPage> mine = new CompletableFuture<>();
		CompletableFuture<CachedPage> running = this.renderings.claim(key, mine);
		if (running == null) {
			render(key, mine, request, response, chain);
			return null;
		}
		CachedPage awaited = this.renderings.await(running);
		if (awaited != null) {
			return this.writer.serve(request, response, awaited);
		}
		chain.doFilter(request, response);
		return null;
	}

	/**
	 * A stale page, served as it is. The first request for it, while fewer than the most
	 * stale renderings at once are running, renders it again after its answer is sent.
	 */
	private String serveStale(PageKey key, CachedPage stale, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain, AfterAnswer after) throws IOException {
		CompletableFuture<CachedPage> mine = new CompletableFuture<>();
		if (this.renderings.claimStale(key, mine)) {
			// taken before anything is written: the encoding forced for every response
			DetachedResponse detached = new DetachedResponse(response.getCharacterEncoding(), response.getLocale());
			// set first: the claim is given up even if the answer fails
			after.then(() -> renderAgain(key, stale, mine, request, detached, chain));
			// the connection is busy until the rendering ends: the client's next request
			// (a style sheet, the next page) is to go on another one, not wait behind it
			response.setHeader(HttpHeaders.CONNECTION, "close");
			this.cache.servedStale();
			String route = this.writer.serveStale(request, response, stale);
			// the whole page goes to the reader now, not when the rendering is over
			response.flushBuffer();
			return route;
		}
		this.cache.servedStale();
		return this.writer.serveStale(request, response, stale);
	}

	/**
	 * Renders a stale page again into a response of its own, after the request was
	 * answered, and keeps it unless something changed meanwhile. A rendering that fails
	 * (a server error) leaves the page stale, for a later request to try again; one that
	 * answers something else than a page (not found, moved) forgets it, and the next
	 * request gets that answer.
	 */
	private void renderAgain(PageKey key, CachedPage stale, CompletableFuture<CachedPage> mine,
			HttpServletRequest request, DetachedResponse response, FilterChain chain) {
		CachedPage kept = null;
		long started = System.nanoTime();
		try {
			long generation = this.cache.generation();
			PageCapture rendered = PageCapture.render(request, response, chain);
			if (rendered.isPage()) {
				kept = keep(key, rendered.page(key, this.clock.instant()), generation);
			}
			else if (!rendered.isServerError()) {
				this.cache.forget(key, stale);
			}
		}
		catch (IOException | ServletException | RuntimeException ex) {
			logger.warn("A stale page could not be rendered again; it stays stale: " + key.value(), ex);
		}
		finally {
			this.renderings.rendered(key, mine, kept);
			this.renderings.staleRendered(System.nanoTime() - started);
		}
	}

	/**
	 * Renders a page, keeps it unless something changed meanwhile, and serves it; the
	 * requests waiting for this rendering get the page kept.
	 */
	private void render(PageKey key, CompletableFuture<CachedPage> mine, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
		CachedPage kept = null;
		try {
			long generation = this.cache.generation();
			PageCapture rendered = PageCapture.render(request, response, chain);
			if (rendered.isPage()) {
				CachedPage page = rendered.page(key, this.clock.instant());
				kept = keep(key, page, generation);
				this.writer.serve(request, response, page);
				return;
			}
			// the database may have gone away while the page was rendered
			CachedPage last = rendered.isUnavailable() ? this.cache.lastKnown(key) : null;
			if (last != null) {
				response.reset();
				this.writer.serveLastKnown(request, response, last);
			}
			else {
				rendered.send();
			}
		}
		finally {
			this.renderings.rendered(key, mine, kept);
		}
	}

	/**
	 * Keeps a page rendered since the drop numbered {@code generation}, unless a change
	 * since concerns it.
	 * @return the page, or {@code null} when it was not kept fresh
	 */
	private CachedPage keep(PageKey key, CachedPage page, long generation) {
		return this.cache.put(key, page, generation) ? page : null;
	}

	/** What a request does once it is answered: at most one task. */
	private static final class AfterAnswer {

		private Runnable task;

		void then(Runnable task) {
			this.task = task;
		}

		void run() {
			if (this.task != null) {
				this.task.run();
			}
		}

	}

	/** Staff have a session (readers have none) that holds their sign-in. */
	private static boolean signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SECURITY_CONTEXT) != null;
	}

}
