package dev.shimbun.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The page of the refusals that never reach the application: a request line, a
 * {@code Host} header or a path that Tomcat cannot parse or decode ({@code /%},
 * {@code /%zz}, {@code /%00}, {@code /a%2F..}, control bytes, an overlong request line, a
 * method that is not a token, {@code CONNECT}, an unknown HTTP version), answered before
 * any filter runs. Instead of Tomcat's English report, a small static page in Japanese
 * with the security headers; never a stack trace or the server's version. Errors the
 * application answers itself get its own error pages, in the site layout.
 */
public class ErrorPageValve extends ErrorReportValve {

	/** No scripts, styles, frames or forms: the page needs none. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private final IntFunction<String> pages;

	/** Tomcat's plain page, for a host that creates the valve by its class name. */
	public ErrorPageValve() {
		this((status) -> "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>" + status
				+ "</title></head><body><h1>" + status + "</h1></body></html>");
	}

	/**
	 * A valve writing the given pages.
	 * @param pages the HTML page of a status code
	 */
	public ErrorPageValve(IntFunction<String> pages) {
		this.pages = pages;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
			// Tomcat's answer to CONNECT: a method this site does not allow, not a fault
			status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
			response.setStatus(status);
			response.setHeader("Allow", "GET, HEAD, POST");
		}
		else if (status == HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED) {
			// a request line naming an HTTP version that does not exist is a bad request
			status = HttpServletResponse.SC_BAD_REQUEST;
			response.setStatus(status);
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(this.pages.apply(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone, or the response cannot be written any more
		}
	}

}
