package dev.shimbun.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The page of the refusals that never reach the application: a request line, a
 * {@code Host} header or a path that Jetty cannot parse or decode ({@code /%},
 * {@code /%zz}, control bytes, an overlong request line or header, a method that is not a
 * token, an unknown HTTP version), answered before any filter runs. Instead of Jetty's
 * English report, a small static page in Japanese with the security headers and
 * {@code no-store}; never a stack trace or the server's version. Errors the application
 * answers itself get its own error pages, in the site layout.
 */
class ErrorPageHandler extends ErrorHandler {

	/** No scripts, styles, frames or forms: the page needs none. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private static final HttpField[] HEADERS = { new HttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
			new HttpField("X-Content-Type-Options", "nosniff"), new HttpField("X-Frame-Options", "DENY"),
			new HttpField("Referrer-Policy", "no-referrer"), new HttpField(HttpHeader.CACHE_CONTROL, "no-store") };

	private final IntFunction<String> pages;

	/**
	 * A handler writing the given pages.
	 * @param pages the HTML page of a status code
	 */
	ErrorPageHandler(IntFunction<String> pages) {
		this.pages = pages;
		setShowStacks(false);
		setShowCauses(false);
		setShowMessageInTitle(false);
		setCacheControl("no-store");
	}

	/** A request that could not be parsed at all: the connection answers and closes. */
	@Override
	public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
		int shown = shownStatus(status);
		for (HttpField header : HEADERS) {
			fields.put(header);
		}
		fields.put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
		return ByteBuffer.wrap(this.pages.apply(shown).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) throws IOException {
		int status = shownStatus(code);
		if (code == HttpStatus.NOT_IMPLEMENTED_501) {
			// Jetty's answer to a method it does not know (CONNECT): not allowed here
			response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
		}
		response.setStatus(status);
		HttpFields.Mutable headers = response.getHeaders();
		for (HttpField header : HEADERS) {
			headers.put(header);
		}
		headers.put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
		if (HttpStatus.hasNoBody(status)) {
			callback.succeeded();
			return;
		}
		byte[] page = this.pages.apply(status).getBytes(StandardCharsets.UTF_8);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.length);
		response.write(true, ByteBuffer.wrap(page), callback);
	}

	/**
	 * What the reader is told: a method nobody may use is not allowed (405), and a
	 * request line naming an HTTP version that does not exist is a bad request.
	 */
	private static int shownStatus(int status) {
		return switch (status) {
			case HttpStatus.NOT_IMPLEMENTED_501 -> HttpStatus.METHOD_NOT_ALLOWED_405;
			case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> HttpStatus.BAD_REQUEST_400;
			default -> (status < 400) ? HttpStatus.BAD_REQUEST_400 : status;
		};
	}

}
