package dev.shimbun.web;

import dev.shimbun.database.DatabaseAvailability;
import dev.shimbun.database.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every request that fails because the database cannot answer (no connection, a lost one,
 * a query out of time) ends on the 503 page, whatever route it took: forwarded to the
 * error page without a stack trace in the log, before any other handling. The forward
 * does not run the session and security filters again, which would ask the database
 * again. A lost connection also marks the database unavailable.
 */
@Component
class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

	private final DatabaseAvailability availability;

	private final UnavailablePage page;

	DatabaseOutageResolver(DatabaseAvailability availability, UnavailablePage page) {
		this.availability = availability;
		this.page = page;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception failure) {
		if (!DatabaseUnavailable.is(failure) || response.isCommitted()) {
			return null;
		}
		if (DatabaseUnavailable.connectionFailure(failure)) {
			this.availability.lost(failure);
		}
		return this.page.page(request, response);
	}

	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

}
