package dev.shimbun.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests that Spring Security's firewall refuses before any filter chain is chosen (a
 * {@code ;}, {@code //}, {@code %2e}, {@code %2f}, {@code %25} or a control character in
 * the path, a header that cannot be a header...): one WARN line, the security headers
 * that no chain has written yet, and the 400 page in the site layout.
 */
@Component
class RejectedRequestHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(RejectedRequestHandler.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		logger.warn("Rejected {} {}: {}", printable(request.getMethod()), printable(request.getRequestURI()),
				printable(String.valueOf(requestRejectedException.getMessage())));
		if (response.isCommitted()) {
			return;
		}
		SecurityHeaders.addIfMissing(response);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/** At most 200 characters, without control characters, for a log line. */
	private static String printable(String text) {
		String shown = (text.length() > 200) ? text.substring(0, 200) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
