package dev.shimbun.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Parameters that cannot be read are the sender's mistake, not the site's: a 400 page and
 * one WARN line, never a 500 or a logged stack trace.
 * <ul>
 * <li>A query string with a broken percent sequence or invalid UTF-8 is refused before
 * anything reads it (the page cache, security, the controllers all read parameters).</li>
 * <li>A body the container cannot decode (invalid UTF-8, too many parameters, a broken
 * multipart body) makes the container throw wherever its parameters are first read (the
 * CSRF filter, a controller); that is answered here too (400, or 413 for a multipart body
 * over its limits that no handler answered itself).</li>
 * </ul>
 * Runs right after the request id is assigned, so that its log line carries the id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequestFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(MalformedRequestFilter.class);

	/**
	 * The most query parameters read (Jetty limits those of a form body to as many, with
	 * {@code server.jetty.max-form-keys}, but not those of the query string).
	 */
	static final int MAX_QUERY_PARAMETERS = 1000;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !isDecodable(query)) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "query string not decodable");
			return;
		}
		if (query != null && parameterCount(query) > MAX_QUERY_PARAMETERS) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
					"more than " + MAX_QUERY_PARAMETERS + " query parameters");
			return;
		}
		if (isEmptyMultipart(request)) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "empty multipart body");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			Refusal refusal = refusal(ex);
			if (refusal == null) {
				throw ex;
			}
			// Read by the error dispatch, which then leaves the unreadable body alone
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
			refuse(request, response, refusal.status(), refusal.reason());
		}
	}

	/**
	 * The refusal for an exception caused by a body or parameters that cannot be read, or
	 * {@code null}.
	 */
	// a cause that is its own cause ends the chain: identity, not equality
	@SuppressWarnings("PMD.CompareObjectsWithEquals")
	private static Refusal refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof MaxUploadSizeExceededException || isSizeLimit(cause)) {
				return new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, firstLine(cause.getMessage()));
			}
			if (cause instanceof HttpException invalid) {
				// Jetty's refusal of a form or multipart body it cannot parse
				int code = invalid.getCode();
				return new Refusal((code >= 400 && code < 500) ? code : HttpServletResponse.SC_BAD_REQUEST,
						firstLine(cause.getMessage()));
			}
			if (cause instanceof MultipartException) {
				return new Refusal(HttpServletResponse.SC_BAD_REQUEST, firstLine(cause.getMessage()));
			}
		}
		return null;
	}

	/** Jetty's multipart parser says a part or the body is over its limit. */
	private static boolean isSizeLimit(Throwable cause) {
		String message = cause.getMessage();
		return (cause instanceof IllegalStateException || cause instanceof HttpException) && message != null
				&& (message.contains("exceeds max") || message.contains("max length exceeded")
						|| message.contains("too large"));
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		logger.warn("Refused {} {} ({}): {}", request.getMethod(), printable(request.getRequestURI()), status,
				printable(reason));
		if (!response.isCommitted()) {
			response.sendError(status);
		}
	}

	static int parameterCount(String query) {
		int count = 0;
		int start = 0;
		while (start <= query.length()) {
			int end = query.indexOf('&', start);
			if (end < 0) {
				end = query.length();
			}
			if (end > start) {
				count++;
			}
			start = end + 1;
		}
		return count;
	}

	/**
	 * A multipart body that is empty has no boundary, let alone parts: nobody's form
	 * sends one.
	 */
	private static boolean isEmptyMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return "POST".equals(request.getMethod()) && request.getContentLengthLong() == 0 && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * Whether the raw query string percent-decodes to valid UTF-8, as the container will
	 * need it to.
	 */
	static boolean isDecodable(String query) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length()) {
					return false;
				}
				int high = Character.digit(query.charAt(i + 1), 16);
				int low = Character.digit(query.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.write((high << 4) + low);
				i += 2;
			}
			else if (c > 0x7F) {
				return false;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end >= 0) ? message.substring(0, end) : message;
	}

	private record Refusal(int status, String reason) {
	}

	/** At most 200 characters, without control characters, for a log line. */
	private static String printable(String text) {
		String shown = (text.length() > 200) ? text.substring(0, 200) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
