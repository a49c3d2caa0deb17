package dev.shimbun.pagecache;

import java.io.IOException;
import java.time.Duration;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Writes a kept page as the response: the headers its rendering got (security headers), a
 * strong ETag, Last-Modified, Cache-Control and Vary; then, for a conditional request
 * that still matches, a 304 without body, as
 * {@link ServletWebRequest#checkNotModified(String, long)} decides; otherwise the page,
 * gzipped when the client accepts it.
 */
@Component
class PageWriter {

	/** Browsers and shared caches do not ask again for a while. */
	private final String fresh;

	/** Shared caches keep a stale page for a second, browsers ask again next time. */
	private static final String STALE = "public, max-age=0, s-maxage=1";

	/** The header an edge cache (Varnish's xkey) drops pages by. */
	static final String TAGS_HEADER = "xkey";

	/** How many tags go in one header line. */
	private static final int TAGS_PER_LINE = 32;

	private final boolean tagged;

	PageWriter(ShimbunProperties properties) {
		this.tagged = properties.edge().enabled();
		ShimbunProperties.Pages pages = properties.pages();
		this.fresh = "public, max-age=" + seconds(pages.maxAge()) + ", s-maxage=" + seconds(pages.sharedMaxAge())
				+ ", stale-while-revalidate=" + seconds(pages.staleWhileRevalidate());
	}

	private static long seconds(Duration duration) {
		return duration.toSeconds();
	}

	/**
	 * A page as rendered now or kept since, to be kept briefly by browsers and caches.
	 * @return the route the page was rendered under (so do the methods below)
	 */
	String serve(HttpServletRequest request, HttpServletResponse response, CachedPage page) throws IOException {
		return write(request, response, page, this.fresh);
	}

	/**
	 * A page marked stale by a change while it is rendered again: shared caches keep it
	 * only briefly.
	 */
	String serveStale(HttpServletRequest request, HttpServletResponse response, CachedPage page) throws IOException {
		return write(request, response, page, STALE);
	}

	/**
	 * A page's last rendering while the database is unavailable, however old: browsers
	 * and shared caches are to ask again next time.
	 */
	String serveLastKnown(HttpServletRequest request, HttpServletResponse response, CachedPage page)
			throws IOException {
		return write(request, response, page, "no-cache");
	}

	private String write(HttpServletRequest request, HttpServletResponse response, CachedPage page, String cacheControl)
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
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (this.tagged) {
			writeTags(response, page);
		}
		response.setStatus(HttpServletResponse.SC_OK);
		// checkNotModified writes ETag and Last-Modified itself; set before, it would
		// parse
		// the Last-Modified it finds with a new SimpleDateFormat on every hit
		if (new ServletWebRequest(request, response).checkNotModified(page.etag(),
				page.lastModified().toEpochMilli())) {
			return page.route();
		}
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
		return page.route();
	}

	/** The page's tags, for an edge cache in front, a few dozen per header line. */
	private static void writeTags(HttpServletResponse response, CachedPage page) {
		StringBuilder line = new StringBuilder();
		int inLine = 0;
		for (String tag : page.tags()) {
			if (inLine == TAGS_PER_LINE) {
				response.addHeader(TAGS_HEADER, line.toString());
				line.setLength(0);
				inLine = 0;
			}
			if (inLine > 0) {
				line.append(' ');
			}
			line.append(tag);
			inLine++;
		}
		if (inLine > 0) {
			response.addHeader(TAGS_HEADER, line.toString());
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

}
