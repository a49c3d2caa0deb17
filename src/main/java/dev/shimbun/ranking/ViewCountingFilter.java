package dev.shimbun.ranking;

import java.io.IOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticlePaths;
import dev.shimbun.pagecache.PageReads;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts a read when an article page was served to a reader: a GET answered 200, not from
 * a bot, not a prefetch or prerender, not by signed-in staff. It sits in front of
 * whatever serves the page (the page cache's filter, a controller), so counting stays
 * right however the page is made; a page served from memory ahead of it is counted by the
 * same code ({@link PageReads}).
 */
@Component
// After Spring Session's filter, so that a signed-in editor's session (kept in the
// database) is seen.
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 10)
class ViewCountingFilter extends OncePerRequestFilter implements PageReads {

	/** Where Spring Security keeps a signed-in user's context in the session. */
	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private final ViewCounter counter;

	private final ReaderHasher readers;

	private final Pattern bots;

	private final Cache<String, Boolean> botAnswers = Caffeine.newBuilder().maximumSize(10_000).build();

	private final java.time.Clock clock;

	private final java.time.ZoneId zone;

	ViewCountingFilter(ViewCounter counter, ReaderHasher readers, ShimbunProperties properties, java.time.Clock clock) {
		this.counter = counter;
		this.readers = readers;
		this.bots = Pattern.compile(properties.views().botPattern(), Pattern.CASE_INSENSITIVE);
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || ArticlePaths.slug(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		ArticlePaths.slug(request)
			.ifPresent((slug) -> countRead(slug, response.getStatus(), request::getHeader, request.getRemoteAddr(),
					() -> isStaff(request)));
	}

	/**
	 * A page served from memory ahead of this filter: counted as if it came through. It
	 * cannot be staff's: those have a session cookie, and go through.
	 */
	@Override
	public void served(ServedPage page) {
		if ("GET".equals(page.method())) {
			ArticlePaths.slug(page.path())
				.ifPresent((slug) -> countRead(slug, page.status(), page::header, page.remoteAddress(), () -> false));
		}
	}

	private void countRead(String slug, int status, UnaryOperator<String> headers, String remoteAddress,
			BooleanSupplier staff) {
		// a 304 is a read too: the browser shows the page it kept
		if ((status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_NOT_MODIFIED) && counts(headers)
				&& !staff.getAsBoolean()) {
			String userAgent = String.valueOf(headers.apply("User-Agent"));
			String reader = this.readers.hash(remoteAddress, userAgent,
					this.clock.instant().atZone(this.zone).toLocalDate());
			this.counter.record(slug, reader);
		}
	}

	/**
	 * Whether a request with these headers is a reader's read: not a bot, not a prefetch.
	 */
	private boolean counts(UnaryOperator<String> headers) {
		String userAgent = headers.apply("User-Agent");
		if (userAgent == null || userAgent.isBlank() || isBot(userAgent)) {
			return false;
		}
		return !isPrefetch(headers.apply("Sec-Purpose")) && !isPrefetch(headers.apply("Purpose"))
				&& !isPrefetch(headers.apply("X-Purpose")) && !isPrefetch(headers.apply("X-Moz"));
	}

	/**
	 * Whether signed-in staff sent the request (asked last: it reads the session from the
	 * database).
	 */
	private static boolean isStaff(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SECURITY_CONTEXT) != null;
	}

	/**
	 * Whether a user agent is a robot's. Readers' browsers send few distinct user agents,
	 * so the answer is kept per user agent rather than matched on every read.
	 */
	private boolean isBot(String userAgent) {
		return this.botAnswers.get(userAgent, (agent) -> this.bots.matcher(agent).find());
	}

	private static boolean isPrefetch(String header) {
		if (header == null) {
			return false;
		}
		String value = header.toLowerCase(Locale.ROOT);
		return value.contains("prefetch") || value.contains("prerender") || value.contains("preview");
	}

}
