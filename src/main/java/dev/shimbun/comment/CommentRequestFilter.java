package dev.shimbun.comment;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.comment.CommentMetrics.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the readers' comment POSTs before anything reads them.
 * <ul>
 * <li>Cross-site request forgery: the request must come from a page of this site, as the
 * browser says with {@code Sec-Fetch-Site}, or else {@code Origin} (or, failing that,
 * {@code Referer}). This needs no per-reader token, so article pages stay the same for
 * every reader and can be cached (403 otherwise).</li>
 * <li>Malformed requests: too large bodies and parameters that cannot be decoded get a
 * 400 page, never a 500.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CommentRequestFilter extends OncePerRequestFilter {

	/** Tomcat sets this request attribute when it could not parse the parameters. */
	static final String PARAMETER_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

	private final ShimbunProperties properties;

	private final CommentMetrics metrics;

	CommentRequestFilter(ShimbunProperties properties, CommentMetrics metrics) {
		this.properties = properties;
		this.metrics = metrics;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !path.startsWith("/articles/") || !path.contains("/comments");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!fromThisSite(request)) {
			countRefused(request, Refusal.CROSS_SITE);
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (request.getContentLengthLong() > this.properties.comments().maxRequestSize()) {
			countRefused(request, Refusal.TOO_LARGE);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		request.getParameterMap();
		if (request.getAttribute(PARAMETER_PARSE_FAILED) != null || hasUndecodableText(request)) {
			countRefused(request, Refusal.MALFORMED);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Refused comments count in the metrics; refused reports do not. */
	private void countRefused(HttpServletRequest request, Refusal refusal) {
		if (request.getRequestURI().endsWith("/comments")) {
			this.metrics.refused(refusal);
		}
	}

	boolean fromThisSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return fetchSite.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		if (origin != null && !origin.equals("null")) {
			return isOwnOrigin(origin, request);
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				return uri.getScheme() != null && isOwnOrigin(uri.getScheme() + "://" + uri.getRawAuthority(), request);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return false;
	}

	private boolean isOwnOrigin(String origin, HttpServletRequest request) {
		String given = origin.toLowerCase(Locale.ROOT);
		URI base = this.properties.site().baseUrl();
		String configured = (base.getScheme() + "://" + base.getRawAuthority()).toLowerCase(Locale.ROOT);
		return given.equals(configured) || given.equals(requestOrigin(request));
	}

	private static String requestOrigin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	/** Text that was not valid UTF-8 arrives with replacement characters. */
	private static boolean hasUndecodableText(HttpServletRequest request) {
		return request.getParameterMap()
			.values()
			.stream()
			.flatMap(java.util.Arrays::stream)
			.anyMatch((value) -> value.indexOf('\uFFFD') >= 0);
	}

}
