package dev.shimbun.pagecache;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A page rendered by the rest of the filter chain, held in memory instead of sent as it
 * is written, so that it can be kept and then served from what is kept.
 */
final class PageCapture {

	/** Headers of a rendering that are not served again with the page. */
	private static final Set<String> NOT_KEPT = Set.of("set-cookie", "content-length", "content-type",
			"content-language", "date", "transfer-encoding", "x-request-id", "etag", "last-modified", "cache-control",
			"vary", "content-encoding", "expires", "pragma");

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final Rendered rendered;

	private PageCapture(HttpServletRequest request, HttpServletResponse response, Rendered rendered) {
		this.request = request;
		this.response = response;
		this.rendered = rendered;
	}

	/** Renders the page that the request asks for, holding its body. */
	static PageCapture render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Rendered rendered = new Rendered(response);
		chain.doFilter(request, rendered);
		rendered.finish();
		return new PageCapture(request, response, rendered);
	}

	/**
	 * Whether the rendering is a page that may be kept: an HTML page answered 200 that
	 * sets no cookie, nothing of it sent yet.
	 */
	boolean isPage() {
		String contentType = this.rendered.getContentType();
		return this.rendered.getStatus() == HttpServletResponse.SC_OK && contentType != null
				&& contentType.startsWith("text/html") && !this.rendered.containsHeader(HttpHeaders.SET_COOKIE)
				&& !this.response.isCommitted();
	}

	/** Whether the rendering failed: a server error (the database away, say). */
	boolean isServerError() {
		return this.rendered.getStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}

	/**
	 * Whether the rendering failed because the database is unavailable, nothing of it
	 * sent yet.
	 */
	boolean isUnavailable() {
		return this.rendered.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !this.response.isCommitted();
	}

	/**
	 * The page as it is kept, with the headers that others (Spring Security) gave it, the
	 * route Spring MVC rendered it under and the tags its controller declared.
	 */
	CachedPage page(PageKey key, Instant renderedAt) {
		return CachedPage.of(key, this.rendered.getContentAsByteArray(), this.rendered.getContentType(),
				this.rendered.getLocale().toLanguageTag(), keptHeaders(), renderedAt,
				(String) this.request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
				PageTags.declaredBy(this.request));
	}

	/** Sends the rendering as it is. */
	void send() throws IOException {
		this.rendered.copyBodyToResponse();
	}

	private Map<String, List<String>> keptHeaders() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : this.response.getHeaderNames()) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, List.copyOf(this.response.getHeaders(name)));
			}
		}
		return Map.copyOf(headers);
	}

	/**
	 * The rendering held in memory. What a template writes as text is held as text and
	 * encoded once at the end: through the servlet writer each of the many small writes
	 * of a template (a tag, an attribute) was encoded on its own, which made a good part
	 * of what a rendering allocated (a flight recording of bench/churn.sh).
	 */
	private static final class Rendered extends ContentCachingResponseWrapper {

		private StringBuilder text;

		private PrintWriter writer;

		private Charset charset;

		Rendered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				// as the servlet API does: the encoding is that of when the writer is
				// taken
				this.charset = Charset.forName(getCharacterEncoding());
				this.text = new StringBuilder(16 * 1024);
				this.writer = new PrintWriter(new Text(this.text));
			}
			return this.writer;
		}

		/** Puts what was written as text into the content, encoded. */
		void finish() throws IOException {
			if (this.writer != null) {
				this.writer.flush();
				getOutputStream().write(this.text.toString().getBytes(this.charset));
				this.text.setLength(0);
			}
		}

	}

	/** A writer into a {@link StringBuilder}, unsynchronized. */
	private static final class Text extends Writer {

		private final StringBuilder text;

		Text(StringBuilder text) {
			this.text = text;
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			this.text.append(chars, offset, length);
		}

		@Override
		public void write(String string, int offset, int length) {
			this.text.append(string, offset, offset + length);
		}

		@Override
		public void write(int c) {
			this.text.append((char) c);
		}

		@Override
		public Writer append(CharSequence chars) {
			this.text.append(chars);
			return this;
		}

		@Override
		public void flush() {
			// nothing held back
		}

		@Override
		public void close() {
			// the text stays to be read
		}

	}

}
