package dev.shimbun.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of a response that no filter chain has written: a request refused
 * before a chain was chosen (by the firewall, or for a query string that cannot be
 * decoded) still gets its error page with them.
 */
public final class SecurityHeaders {

	private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	private SecurityHeaders() {
	}

	/**
	 * Adds the headers, the strictest of the chains', unless a chain has written them.
	 * @param response the response, not committed yet
	 */
	public static void addIfMissing(HttpServletResponse response) {
		if (response.isCommitted() || response.containsHeader(CONTENT_SECURITY_POLICY)) {
			return;
		}
		response.setHeader(CONTENT_SECURITY_POLICY,
				SecurityConfiguration.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
	}

}
