package dev.shimbun.pagecache;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * A response of its own for a page rendered after the request was answered: status,
 * headers and locale stay here, and what is written to it is discarded (the capture
 * around it, {@link PageCapture}, holds the body). It wraps nothing, so nothing of the
 * rendering can reach the response already sent.
 */
final class DetachedResponse implements HttpServletResponse {

	private static final int BUFFER_SIZE = 8192;

	private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private int status = SC_OK;

	private String contentType;

	private String characterEncoding;

	private Locale locale;

	private ServletOutputStream discarded;

	private PrintWriter discardedText;

	/**
	 * A response with the character encoding and locale that the request's own response
	 * had before anything was written to it (the encoding is forced for every response).
	 */
	DetachedResponse(String characterEncoding, Locale locale) {
		this.characterEncoding = characterEncoding;
		this.locale = locale;
	}

	@Override
	public boolean isCommitted() {
		return false;
	}

	@Override
	public void flushBuffer() {
		// nothing is sent
	}

	@Override
	public void reset() {
		this.headers.clear();
		this.status = SC_OK;
		this.contentType = null;
	}

	@Override
	public void resetBuffer() {
		// nothing is held
	}

	@Override
	public void setBufferSize(int size) {
		// nothing is held
	}

	@Override
	public int getBufferSize() {
		return BUFFER_SIZE;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (this.discarded == null) {
			this.discarded = new Discarded();
		}
		return this.discarded;
	}

	@Override
	public PrintWriter getWriter() {
		if (this.discardedText == null) {
			this.discardedText = new PrintWriter(OutputStream.nullOutputStream());
		}
		return this.discardedText;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public void sendError(int status) {
		this.status = status;
	}

	@Override
	public void sendError(int status, String message) {
		this.status = status;
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) {
		this.status = status;
		setHeader(HttpHeaders.LOCATION, location);
	}

	/**
	 * Recorded as a header, never sent: a rendering that sets a cookie is not a page to
	 * keep ({@link PageCapture#isPage()}).
	 */
	@Override
	public void addCookie(Cookie cookie) {
		addHeader(HttpHeaders.SET_COOKIE, cookie.getName() + "=" + cookie.getValue());
	}

	@Override
	public String encodeURL(String url) {
		return url;
	}

	@Override
	public String encodeRedirectURL(String url) {
		return url;
	}

	@Override
	public boolean containsHeader(String name) {
		return this.headers.containsKey(name);
	}

	@Override
	public String getHeader(String name) {
		List<String> values = this.headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return List.copyOf(this.headers.getOrDefault(name, List.of()));
	}

	@Override
	public Collection<String> getHeaderNames() {
		return List.copyOf(this.headers.keySet());
	}

	@Override
	public void setHeader(String name, String value) {
		if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
			setContentType(value);
			return;
		}
		if (value == null) {
			this.headers.remove(name);
			return;
		}
		List<String> values = new ArrayList<>();
		values.add(value);
		this.headers.put(name, values);
	}

	@Override
	public void addHeader(String name, String value) {
		if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
			setContentType(value);
			return;
		}
		if (value != null) {
			this.headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		setHeader(name, Integer.toString(value));
	}

	@Override
	public void addIntHeader(String name, int value) {
		addHeader(name, Integer.toString(value));
	}

	@Override
	public void setDateHeader(String name, long date) {
		setHeader(name, date(date));
	}

	@Override
	public void addDateHeader(String name, long date) {
		addHeader(name, date(date));
	}

	private static String date(long date) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC));
	}

	@Override
	public void setContentLength(int length) {
		// the capture's
	}

	@Override
	public void setContentLengthLong(long length) {
		// the capture's
	}

	@Override
	public void setContentType(String type) {
		if (type == null) {
			this.contentType = null;
			return;
		}
		int charset = type.toLowerCase(Locale.ROOT).indexOf("charset=");
		if (charset >= 0) {
			this.characterEncoding = type.substring(charset + "charset=".length()).trim();
			int parameters = type.indexOf(';');
			this.contentType = type.substring(0, (parameters >= 0) ? parameters : charset).trim();
		}
		else {
			this.contentType = type.trim();
		}
	}

	/** As the servlet container answers: the type with the response's encoding. */
	@Override
	public String getContentType() {
		if (this.contentType == null) {
			return null;
		}
		return (this.characterEncoding != null) ? this.contentType + ";charset=" + this.characterEncoding
				: this.contentType;
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		this.characterEncoding = encoding;
	}

	@Override
	public String getCharacterEncoding() {
		return (this.characterEncoding != null) ? this.characterEncoding : "ISO-8859-1";
	}

	@Override
	public void setLocale(Locale locale) {
		this.locale = locale;
	}

	@Override
	public Locale getLocale() {
		return this.locale;
	}

	/** Output that goes nowhere. */
	private static final class Discarded extends ServletOutputStream {

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			// never called: output is not asynchronous here
		}

		@Override
		public void write(int b) {
			// discarded
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			// discarded
		}

	}

}
