package dev.shimbun.pagecache;

import java.nio.ByteBuffer;
import java.util.List;

import dev.shimbun.database.DatabaseAvailability;
import dev.shimbun.observability.RequestId;
import dev.shimbun.pagecache.PageReads.ServedPage;
import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Serves a reader's page that is kept fresh in memory from the web server itself, ahead
 * of the servlet container and every filter in it. A profile of {@code bench/pages.sh}
 * found the servlet container's own work per request (its request and response objects,
 * the session and security handlers, the filter chain's wrappers and attributes) the
 * larger part of a page served from memory. Answered here, the article page went from
 * 0.62–0.70 of nginx's requests a second to 0.71–0.76 (README, "Pages against nginx").
 * <p>
 * Only what cannot be anyone's but a reader's, and needs nothing the filters give, is
 * answered here: a GET or HEAD without a query string (so nothing for the malformed
 * request filter to refuse), without a session cookie (so not staff, nor anyone the
 * session, security or database-outage filters have anything to do for), and without
 * {@code If-Match} or {@code If-Unmodified-Since}, of a page kept and not stale, or stale
 * and being rendered again by another request (or as many stale pages as allowed being
 * rendered), which a request behind would be served as it is too. The request gets its id
 * ({@link RequestId}) as every other does, the read is counted ({@link PageReads}) and
 * the request timed ({@link PageTimings}) by the code that does it behind. Every other
 * request goes on to the servlet container, where {@link PageCacheFilter} serves,
 * renders, or serves stale; for a page looked up here it uses what was found
 * ({@link LookedUp}) rather than looking it up again.
 */
@Component
class FreshPages {

	/** The request attribute with the page looked up here ({@link LookedUp}). */
	static final String LOOKED_UP = FreshPages.class.getName() + ".lookedUp";

	private final PageCache cache;

	private final PageKeys keys;

	private final PageWriter writer;

	private final PageTimings timings;

	private final List<PageReads> reads;

	private final Renderings renderings;

	private final DatabaseAvailability database;

	private final String sessionCookie;

	FreshPages(PageCache cache, PageKeys keys, PageWriter writer, PageTimings timings, List<PageReads> reads,
			Renderings renderings, DatabaseAvailability database,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		this.cache = cache;
		this.renderings = renderings;
		this.database = database;
		this.keys = keys;
		this.writer = writer;
		this.timings = timings;
		this.reads = List.copyOf(reads);
		this.sessionCookie = sessionCookie;
	}

	/**
	 * Answers a request with a fresh kept page, if it is one this answers.
	 * @return whether it did (and will complete the callback); {@code false} when the
	 * request is to go on to the servlet container
	 */
	boolean serve(Request request, Response response, Callback callback) {
		String method = request.getMethod();
		HttpURI uri = request.getHttpURI();
		if (!("GET".equals(method) || "HEAD".equals(method)) || uri.getQuery() != null || !this.cache.enabled()) {
			return false;
		}
		String path = uri.getPath();
		PageKey key = this.keys.key(path);
		if (key == null || mayBeStaff(request) || hasPreconditions(request.getHeaders())) {
			return false;
		}
		PageCache.Kept kept = this.cache.get(key);
		boolean stale = kept != null && kept.isStale();
		if (kept == null || (stale && !servedStaleHere(method, request.getHeaders(), key))) {
			request.setAttribute(LOOKED_UP, new LookedUp(key, kept));
			return false;
		}
		if (stale) {
			this.cache.servedStale();
		}
		long started = System.nanoTime();
		HttpFields asked = request.getHeaders();
		response.getHeaders().put(RequestId.HEADER, RequestId.forIncoming(asked.get(RequestId.HEADER)));
		ByteBuffer body = this.writer.prepare(request, response, kept);
		int status = response.getStatus();
		ServedPage served = new ServedPage(method, path, status, Request.getRemoteAddr(request), asked::get);
		for (PageReads read : this.reads) {
			read.served(served);
		}
		// timed up to the write, which the connection completes on its own
		this.timings.served(method, kept.page().route(), status, System.nanoTime() - started);
		response.write(true, body, callback);
		return true;
	}

	/**
	 * Whether a stale page is served as it is here: to a GET that does not ask for the
	 * page as it is now ({@link CurrentAsked}), while the database is available (else
	 * behind, its last rendering is served as such), when a request behind would not
	 * render it either ({@link Renderings#wouldServeStale}).
	 */
	private boolean servedStaleHere(String method, HttpFields asked, PageKey key) {
		return "GET".equals(method)
				&& !CurrentAsked.by(asked.get(HttpHeader.CACHE_CONTROL), asked.get(HttpHeader.PRAGMA))
				&& this.database.available() && this.renderings.wouldServeStale(key);
	}

	/** A session cookie (valid or not): left to the filters behind. */
	private boolean mayBeStaff(Request request) {
		if (!request.getHeaders().contains(HttpHeader.COOKIE)) {
			return false;
		}
		for (HttpCookie cookie : Request.getCookies(request)) {
			if (this.sessionCookie.equals(cookie.getName())) {
				return true;
			}
		}
		return false;
	}

	/** Preconditions that Spring decides behind (412 and the like), not here. */
	private static boolean hasPreconditions(HttpFields asked) {
		return asked.contains(HttpHeader.IF_MATCH) || asked.contains(HttpHeader.IF_UNMODIFIED_SINCE);
	}

	/** The page kept under a key, looked up once for a request: {@code null} if none. */
	record LookedUp(PageKey key, PageCache.Kept kept) {

		/** The page looked up for this key by {@link FreshPages}, if it did. */
		static LookedUp of(ServletRequest request, PageKey key) {
			return (request.getAttribute(LOOKED_UP) instanceof LookedUp looked && looked.key().equals(key)) ? looked
					: null;
		}

	}

	/**
	 * Puts {@link FreshPages} in front of the servlet container, inside the handler that
	 * counts requests for a graceful shutdown (Spring Boot adds that one after the
	 * customizers), unless the application has a context path.
	 */
	@Component
	static class InFrontOfTheContainer implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

		private final ObjectProvider<FreshPages> pages;

		InFrontOfTheContainer(ObjectProvider<FreshPages> pages) {
			this.pages = pages;
		}

		@Override
		public void customize(JettyServletWebServerFactory factory) {
			if (factory.getContextPath().isEmpty()) {
				factory.addServerCustomizers((server) -> server.setHandler(new Front(server.getHandler(), this.pages)));
			}
		}

	}

	/**
	 * The handler: looks the beans up on the first request, as the server is made before
	 * them.
	 */
	static final class Front extends Handler.Wrapper {

		private final ObjectProvider<FreshPages> provider;

		private volatile FreshPages pages;

		Front(Handler next, ObjectProvider<FreshPages> provider) {
			super(next);
			this.provider = provider;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			FreshPages fresh = this.pages;
			if (fresh == null) {
				fresh = this.provider.getObject();
				this.pages = fresh;
			}
			return fresh.serve(request, response, callback) || super.handle(request, response, callback);
		}

	}

}
