package dev.shimbun.security;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Guards every request of the public filter chain that can change something (any method
 * but GET, HEAD, OPTIONS and TRACE), before anything reads its body. The public chain
 * serves everything outside {@code /admin} and {@code /actuator}, so a new public route
 * is covered without naming it here.
 * <ul>
 * <li>Cross-site request forgery: the request must come from a page of this site, as the
 * browser says with {@code Sec-Fetch-Site}, or else {@code Origin} (or, failing that,
 * {@code Referer}). This needs no per-reader token, so article pages stay the same for
 * every reader and can be cached (403 otherwise).</li>
 * <li>Size: a body larger than {@code shimbun.comments.max-request-size} (64 KB) is
 * refused (413) whatever its framing: by its {@code Content-Length} before it is read,
 * and a body without one (chunked) is read up to the limit and no further.</li>
 * <li>Encoding: parameters that cannot be decoded as UTF-8 get a 400 page, never a
 * 500.</li>
 * </ul>
 * Refusals are logged as one WARN line and told to the {@link RefusalListener}s (the
 * comment metrics count refused comments).
 */
public class PublicRequestGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(PublicRequestGuard.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Why a request was refused. */
	public enum Refusal {

		/** Not sent from a page of this site (403). */
		CROSS_SITE,
		/** A body larger than the limit (413), or a streamed multipart body (411). */
		TOO_LARGE,
		/** Parameters that could not be read or decoded (400). */
		MALFORMED

	}

	/** Told of every refused request, with the path the dispatcher would match. */
	@FunctionalInterface
	public interface RefusalListener {

		/**
		 * A request was refused.
		 * @param path the request's path within the application, as the dispatcher
		 * matches it (decoded segments, without path parameters)
		 * @param refusal why it was refused
		 */
		void refused(RequestPath path, Refusal refusal);

	}

	private final ShimbunProperties properties;

	private final List<RefusalListener> listeners;

	PublicRequestGuard(ShimbunProperties properties, List<RefusalListener> listeners) {
		this.properties = properties;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!fromThisSite(request)) {
			refuse(request, response, Refusal.CROSS_SITE, HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		long limit = this.properties.comments().maxRequestSize();
		HttpServletRequest checked = request;
		if (request.getContentLengthLong() > limit) {
			refuse(request, response, Refusal.TOO_LARGE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (request.getContentLengthLong() < 0) {
			// No length given (chunked): read at most the limit, and serve what was read.
			if (isMultipart(request)) {
				refuse(request, response, Refusal.TOO_LARGE, HttpServletResponse.SC_LENGTH_REQUIRED);
				return;
			}
			checked = BufferedBodyRequest.readAtMost(request, limit);
			if (checked == null) {
				refuse(request, response, Refusal.TOO_LARGE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
		}
		if (!hasDecodableParameters(checked)) {
			refuse(request, response, Refusal.MALFORMED, HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(checked, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, int status)
			throws IOException {
		RequestPath path = ServletRequestPathUtils.parse(request);
		logger.warn("Refused {} {}: {}", request.getMethod(), printable(path.pathWithinApplication().value()),
				refusal.name().toLowerCase(Locale.ROOT));
		for (RefusalListener listener : this.listeners) {
			listener.refused(path, refusal);
		}
		// Marks the error dispatch as one, so that it does not try to read the body again
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
				new IllegalArgumentException("Refused: " + refusal.name().toLowerCase(Locale.ROOT)));
		response.sendError(status);
	}

	/** At most 200 characters, without control characters, for a log line. */
	private static String printable(String text) {
		String shown = (text.length() > 200) ? text.substring(0, 200) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
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

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * Whether every parameter could be decoded: the container refuses bad percent
	 * sequences and invalid UTF-8, and text that was not valid UTF-8 may arrive with
	 * replacement characters.
	 */
	private static boolean hasDecodableParameters(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException | HttpException.RuntimeException ex) {
			// Jetty's refusal of a body it cannot parse
			return false;
		}
		return parameters.entrySet()
			.stream()
			.noneMatch((entry) -> entry.getKey().indexOf('\uFFFD') >= 0
					|| Arrays.stream(entry.getValue()).anyMatch((value) -> value.indexOf('\uFFFD') >= 0));
	}

}
