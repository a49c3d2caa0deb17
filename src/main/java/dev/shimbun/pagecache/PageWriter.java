package dev.shimbun.pagecache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.DateParser;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

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

	private static final HttpField STALE_FIELD = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, STALE);

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
		return write(request, response, page, this.fresh, this.tagged);
	}

	/**
	 * A page marked stale by a change while it is rendered again: shared caches keep it
	 * only briefly. It carries no tags: an edge cache keeps a tagged page until a purge,
	 * and the purge for this change may have come already.
	 */
	String serveStale(HttpServletRequest request, HttpServletResponse response, CachedPage page) throws IOException {
		return write(request, response, page, STALE, false);
	}

	/**
	 * A page's last rendering while the database is unavailable, however old: browsers
	 * and shared caches are to ask again next time.
	 */
	String serveLastKnown(HttpServletRequest request, HttpServletResponse response, CachedPage page)
			throws IOException {
		return write(request, response, page, "no-cache", false);
	}

	private String write(HttpServletRequest request, HttpServletResponse response, CachedPage page, String cacheControl,
			boolean tagged) throws IOException {
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
		if (tagged) {
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
		for (String line : tagLines(page)) {
			response.addHeader(TAGS_HEADER, line);
		}
	}

	/** The lines of the {@value #TAGS_HEADER} header: a few dozen tags each. */
	private static List<String> tagLines(CachedPage page) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int inLine = 0;
		for (String tag : page.tags()) {
			if (inLine == TAGS_PER_LINE) {
				lines.add(line.toString());
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
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * Sets the status and headers of a kept page as the web server's own answer
	 * ({@link FreshPages}): those of
	 * {@link #serve(HttpServletRequest, HttpServletResponse, CachedPage)} (of
	 * {@link #serveStale} for a page marked stale), or of a 304 for a conditional request
	 * that still matches, decided as
	 * {@link ServletWebRequest#checkNotModified(String, long)} decides for a GET or HEAD
	 * (one with {@code If-Match} or {@code If-Unmodified-Since} is not answered here).
	 * The header lines are encoded once per page kept ({@link FreshFields}).
	 * @return the body to write: {@code null} for a 304
	 */
	ByteBuffer prepare(Request request, Response response, PageCache.Kept kept) {
		CachedPage page = kept.page();
		FreshFields fields = kept.freshFields(this::freshFields);
		HttpFields.Mutable sent = response.getHeaders();
		HttpFields asked = request.getHeaders();
		// a page marked stale since its fields were made: as serveStale writes it
		boolean stale = kept.isStale();
		if (notModified(asked, page)) {
			fields.notModified().forEach(sent::add);
			if (stale) {
				markStale(sent);
			}
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return null;
		}
		boolean gzip = acceptsGzip(asked.get(HttpHeader.ACCEPT_ENCODING));
		(gzip ? fields.gzipped() : fields.plain()).forEach(sent::add);
		if (stale) {
			markStale(sent);
		}
		response.setStatus(HttpServletResponse.SC_OK);
		// for a HEAD the server sends the headers alone
		return ByteBuffer.wrap(gzip ? page.gzipped() : page.body());
	}

	/** A fresh page's header lines made those of a stale one, as serveStale writes it. */
	private void markStale(HttpFields.Mutable sent) {
		sent.put(STALE_FIELD);
		if (this.tagged) {
			sent.remove(TAGS_HEADER);
		}
	}

	/**
	 * The header lines of a fresh page, encoded once: those of a 200 with the page as it
	 * is or gzipped, and those of a 304.
	 */
	record FreshFields(List<HttpField> plain, List<HttpField> gzipped, List<HttpField> notModified) {
	}

	private FreshFields freshFields(CachedPage page) {
		List<HttpField> common = new ArrayList<>();
		page.headers().forEach((name, values) -> {
			for (String value : values) {
				common.add(new PreEncodedHttpField(name, value));
			}
		});
		common.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, this.fresh));
		common.add(new PreEncodedHttpField(HttpHeader.VARY, HttpHeaders.ACCEPT_ENCODING));
		if (this.tagged) {
			for (String line : tagLines(page)) {
				common.add(new PreEncodedHttpField(TAGS_HEADER, line));
			}
		}
		common.add(new PreEncodedHttpField(HttpHeader.ETAG, page.etag()));
		common.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(page.lastModified())));
		List<HttpField> notModified = List.copyOf(common);
		common.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, page.contentType()));
		if (page.contentLanguage() != null) {
			common.add(new PreEncodedHttpField(HttpHeader.CONTENT_LANGUAGE, page.contentLanguage()));
		}
		List<HttpField> plain = new ArrayList<>(common);
		plain.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, page.body().length));
		List<HttpField> gzipped = new ArrayList<>(common);
		gzipped.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
		gzipped.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, page.gzipped().length));
		return new FreshFields(List.copyOf(plain), List.copyOf(gzipped), notModified);
	}

	/**
	 * Whether a GET or HEAD with these headers and without {@code If-Match} or
	 * {@code If-Unmodified-Since} is answered 304, as Spring answers it: one of its
	 * {@code If-None-Match} tags is the page's, compared weakly ({@code *} is not, for a
	 * GET or HEAD); without {@code If-None-Match}, its {@code If-Modified-Since} is not
	 * before the page was rendered.
	 */
	static boolean notModified(HttpFields asked, CachedPage page) {
		List<String> noneMatch = asked.getValuesList(HttpHeader.IF_NONE_MATCH);
		if (!noneMatch.isEmpty()) {
			String etag = opaque(page.etag());
			for (String value : noneMatch) {
				for (String tag : value.split(",")) {
					String candidate = tag.strip();
					if (opaque(candidate).equals(etag)) {
						return true;
					}
				}
			}
			return false;
		}
		String since = asked.get(HttpHeader.IF_MODIFIED_SINCE);
		if (since == null) {
			return false;
		}
		long sinceMillis = DateParser.parseDate(since);
		return sinceMillis >= 0 && page.lastModified().toEpochMilli() <= sinceMillis;
	}

	/** An entity tag without its weak prefix, for a weak comparison. */
	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		return acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
	}

	private static boolean acceptsGzip(String accepted) {
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
