package dev.shimbun.pagecache;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public pages (front, articles, categories) from {@link PageCache}: a page is
 * rendered once and then written from memory, gzipped when the client accepts it, with a
 * strong ETag, Last-Modified and a 304 for a conditional request that still matches.
 * Readers' responses may be kept briefly by browsers and shared caches; signed-in staff's
 * responses are never cached. A page served from memory carries the headers (security
 * headers) its rendering got, and is counted as a read by the view counter in front of
 * this filter.
 */
@Component
// After Spring Session (to see a staff session) and view counting (so that a page served
// from
// memory is counted), before Spring Security and the rest: a page served from memory
// carries the
// headers its rendering got from them.
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 20)
class PageCacheFilter extends OncePerRequestFilter {

	private static final Pattern ARTICLE = Pattern.compile("/articles/[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Pattern CATEGORY = Pattern.compile("/categories/[a-z0-9]+(?:-[a-z0-9]+)*");

	/** The longest a request waits for another one rendering the same page. */
	private static final Duration RENDER_WAIT = Duration.ofSeconds(10);

	/** Where Spring Security keeps a signed-in user's context in the session. */
	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	/** Headers of a rendering that are not served again with the page. */
	private static final Set<String> NOT_KEPT = Set.of("set-cookie", "content-length", "content-type",
			"content-language", "date", "transfer-encoding", "x-request-id", "etag", "last-modified", "cache-control",
			"vary", "content-encoding", "expires", "pragma");

	private final PageCache cache;

	private final Clock clock;

	private final DatabaseAvailability database;

	private final String cacheControl;

	PageCacheFilter(PageCache cache, Clock clock, ShimbunProperties properties, DatabaseAvailability database) {
		this.cache = cache;
		this.database = database;
		this.clock = clock;
		ShimbunProperties.Pages pages = properties.pages();
		this.cacheControl = "public, max-age=" + seconds(pages.maxAge()) + ", s-maxage=" + seconds(pages.sharedMaxAge())
				+ ", stale-while-revalidate=" + seconds(pages.staleWhileRevalidate());
	}

	private static long seconds(Duration duration) {
		return duration.toSeconds();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		String path = path(request);
		return !("/".equals(path) || ARTICLE.matcher(path).matches() || CATEGORY.matcher(path).matches());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (signedIn(request)) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		if (key == null || !this.cache.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		CachedPage page = this.cache.get(key);
		if (page != null) {
			serve(request, response, page);
			return;
		}
		if (!this.database.available()) {
			CachedPage last = this.cache.lastKnown(key);
			if (last != null) {
				serveLastKnown(request, response, last);
				return;
			}
		}
		if (!"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		CompletableFuture<CachedPage> mine = new CompletableFuture<>();
		CompletableFuture<CachedPage> running = this.cache.claim(key, mine);
		if (running != null) {
			CachedPage awaited = await(running);
			if (awaited != null) {
				serve(request, response, awaited);
			}
			else {
				chain.doFilter(request, response);
			}
			return;
		}
		CachedPage kept = null;
		try {
			long generation = this.cache.generation();
			ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendered);
			String contentType = rendered.getContentType();
			if (rendered.getStatus() == HttpServletResponse.SC_OK && contentType != null
					&& contentType.startsWith("text/html") && !rendered.containsHeader(HttpHeaders.SET_COOKIE)
					&& !response.isCommitted()) {
				page = CachedPage.of(rendered.getContentAsByteArray(), contentType,
						rendered.getLocale().toLanguageTag(), headers(response), this.clock.instant());
				if (this.cache.put(key, page, generation)) {
					kept = page;
				}
				serve(request, response, page);
			}
			else if (rendered.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !response.isCommitted()
					&& this.cache.lastKnown(key) != null) {
				// the database went away while the page was rendered
				response.reset();
				serveLastKnown(request, response, this.cache.lastKnown(key));
			}
			else {
				rendered.copyBodyToResponse();
			}
		}
		finally {
			this.cache.rendered(key, mine, kept);
		}
	}

	/**
	 * The page another request is rendering, or {@code null} if it is not to be shared.
	 */
	private static CachedPage await(CompletableFuture<CachedPage> rendering) {
		try {
			return rendering.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * A page's last rendering while the database is unavailable, however old: what
	 * readers expect from a news site in an outage, as an edge cache serves stale on
	 * error. Browsers and shared caches are to ask again next time.
	 */
	private void serveLastKnown(HttpServletRequest request, HttpServletResponse response, CachedPage page)
			throws IOException {
		serve(request, response, page, "no-cache");
	}

	/** The headers Spring Security and others gave the rendering (security headers). */
	private static Map<String, List<String>> headers(HttpServletResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, List.copyOf(response.getHeaders(name)));
			}
		}
		return Map.copyOf(headers);
	}

	private void serve(HttpServletRequest request, HttpServletResponse response, CachedPage page) throws IOException {
		serve(request, response, page, this.cacheControl);
	}

	private void serve(HttpServletRequest request, HttpServletResponse response, CachedPage page, String cacheControl)
			throws IOException {
		page.headers().forEach((name, values) -> {
			for (String value : values) {
				if (!response.containsHeader(name)) {
					response.setHeader(name, value);
				}
				else if (!response.getHeaders(name).contains(value)) {
					response.addHeader(name, value);
				}
			}
		});
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (notModified(request, page)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		if (page.contentLanguage() != null) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
		}
		byte[] body = page.body();
		if (acceptsGzip(request)) {
			body = page.gzipped();
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		// one write of the whole page instead of one per 8 KB
		response.setBufferSize(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * If-None-Match wins over If-Modified-Since (RFC 9110); the ETag is strong, and the
	 * same for the same bytes on every instance.
	 */
	private static boolean notModified(HttpServletRequest request, CachedPage page) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			for (String tag : ifNoneMatch.split(",")) {
				String candidate = tag.strip();
				if (candidate.equals("*") || candidate.equals(page.etag()) || candidate.equals("W/" + page.etag())) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			return since >= 0 && page.lastModified().toEpochMilli() <= since;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (accepted == null) {
			return false;
		}
		for (String coding : accepted.split(",")) {
			String[] parts = coding.strip().split(";");
			if (parts[0].strip().equalsIgnoreCase("gzip")) {
				return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	/** Staff have a session (readers have none) that holds their sign-in. */
	private static boolean signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SECURITY_CONTEXT) != null;
	}

	/**
	 * The cache key: the path and the query parameters that change the page (the order
	 * and page of comments, the page of a category). Any other parameter, such as the
	 * notice after posting a comment, and the page is rendered for the request alone.
	 */
	static String key(HttpServletRequest request) {
		String path = path(request);
		StringBuilder key = new StringBuilder(path);
		String[] allowed = path.startsWith("/articles/") ? new String[] { "corder", "cpage" }
				: path.startsWith("/categories/") ? new String[] { "page" } : new String[0];
		var parameters = request.getParameterMap();
		int known = 0;
		for (String name : allowed) {
			String[] values = parameters.get(name);
			if (values != null) {
				if (values.length != 1 || values[0].length() > 20) {
					return null;
				}
				known++;
				key.append(known == 1 ? '?' : '&').append(name).append('=').append(values[0]);
			}
		}
		return (known == parameters.size()) ? key.toString() : null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
