package dev.shimbun.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter: every request gets its id (see {@link RequestId}) in the MDC and in
 * the {@value RequestId#HEADER} response header, before sessions, security or anything
 * else that logs. It runs again for error and async dispatches, so the error page and its
 * log lines have the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestIdFilter.class);

	/**
	 * A failure nothing handled, logged here while the id is still in the MDC: Jetty logs
	 * it only after the request's scope has ended (its own line is turned off in
	 * application.properties). A client that went away is not a failure of the site.
	 */
	private static void logFailure(HttpServletRequest request, Exception ex) {
		if (isClientGone(ex)) {
			logger.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI(), ex);
			return;
		}
		logger.error("Request failed: {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage(), ex);
	}

	// a cause that is its own cause ends the chain: identity, not equality
	@SuppressWarnings("PMD.CompareObjectsWithEquals")
	private static boolean isClientGone(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof EofException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String previous = MDC.get(RequestId.MDC_KEY);
		String id = RequestId.assign(request, request.getHeader(RequestId.HEADER));
		if (!response.isCommitted()) {
			response.setHeader(RequestId.HEADER, id);
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			logFailure(request, ex);
			throw ex;
		}
		finally {
			// Leave the MDC as it was. RequestIdListener put the id in when the container
			// took the request and takes it out when the request ends, so that the
			// container's own log of a failure, written after this returns, has it too.
			// Without the listener (MockMvc), or when the request goes on asynchronously,
			// it goes now.
			if (previous == null || request.isAsyncStarted()) {
				MDC.remove(RequestId.MDC_KEY);
			}
			else {
				MDC.put(RequestId.MDC_KEY, previous);
			}
		}
	}

}
