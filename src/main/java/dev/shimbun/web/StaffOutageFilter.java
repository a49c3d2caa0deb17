package dev.shimbun.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.shimbun.database.DatabaseAvailability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sessions live in the database, so while it is unavailable a signed-in editor's
 * request cannot be answered as theirs: a page readers see is served as to a reader (from
 * the page cache), anything else (the admin pages, a save, signing in or out) gets the
 * 503 page at once, which keeps what was sent so it can be sent again once the database
 * is back. Before Spring Session, which would otherwise ask the database for the session.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class StaffOutageFilter extends OncePerRequestFilter {

	private final DatabaseAvailability availability;

	private final String sessionCookie;

	StaffOutageFilter(DatabaseAvailability availability,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		this.availability = availability;
		this.sessionCookie = sessionCookie;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.availability.available() || !hasSessionCookie(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (read && !path.startsWith("/admin") && !path.startsWith("/login") && !path.startsWith("/actuator")) {
			chain.doFilter(new WithoutSession(request, this.sessionCookie), response);
			return;
		}
		// answered by the error page, without the session and security filters
		request.setAttribute(SiteErrorController.DATABASE_UNAVAILABLE, Boolean.TRUE);
		request.getRequestDispatcher("/error").forward(request, response);
	}

	private boolean hasSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null
				&& Arrays.stream(cookies).anyMatch((cookie) -> this.sessionCookie.equals(cookie.getName()));
	}

	/** The request without its session cookie: a reader's. */
	private static final class WithoutSession extends HttpServletRequestWrapper {

		private final String name;

		WithoutSession(HttpServletRequest request, String name) {
			super(request);
			this.name = name;
		}

		@Override
		public Cookie[] getCookies() {
			Cookie[] cookies = super.getCookies();
			if (cookies == null) {
				return null;
			}
			Cookie[] kept = Arrays.stream(cookies)
				.filter((cookie) -> !this.name.equals(cookie.getName()))
				.toArray(Cookie[]::new);
			return (kept.length > 0) ? kept : null;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(HttpHeaders.COOKIE::equalsIgnoreCase);
			return Collections.enumeration(names);
		}

	}

}
