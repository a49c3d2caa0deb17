package dev.shimbun.observability;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Keeps the request id in the MDC for the whole of a request as the servlet container
 * sees it: filters return before the container logs an exception that nothing handled and
 * renders the error page, and those lines need the id most.
 */
@Component
class RequestIdListener implements ServletRequestListener {

	@Override
	public void requestInitialized(ServletRequestEvent event) {
		if (event.getServletRequest() instanceof HttpServletRequest request) {
			RequestId.assign(request, request.getHeader(RequestId.HEADER));
		}
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		MDC.remove(RequestId.MDC_KEY);
	}

}
