package dev.shimbun.web;

import java.util.List;
import java.util.Map;

import dev.shimbun.security.SecurityHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages ({@code templates/error/}) for every client, in the site layout and in
 * Japanese: unlike Spring Boot's own error controller, no English JSON for a client that
 * does not ask for HTML ({@code curl}, scripts), and a 404 for {@code /error} asked for
 * directly rather than a 500. A request refused before any security filter chain ran
 * still gets the security headers. A staff request while the database is unavailable is
 * forwarded here for the {@link UnavailablePage}.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class SiteErrorController extends AbstractErrorController {

	/** Request attribute: the request failed because the database is unavailable. */
	static final String DATABASE_UNAVAILABLE = SiteErrorController.class.getName() + ".databaseUnavailable";

	private final UnavailablePage unavailable;

	SiteErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers,
			UnavailablePage unavailable) {
		super(errorAttributes, errorViewResolvers);
		this.unavailable = unavailable;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(DATABASE_UNAVAILABLE) != null) {
			return this.unavailable.page(request, response);
		}
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) ? getStatus(request)
				: HttpStatus.NOT_FOUND;
		Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		model.put("status", status.value());
		response.setStatus(status.value());
		SecurityHeaders.addIfMissing(response);
		if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			// Jetty drops the caching headers of the response that failed; a refusal
			// (a draft's image, a staff page) must not be kept by a browser or a cache
			// in front either
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		ModelAndView page = resolveErrorView(request, response, status, model);
		if (page != null) {
			return page;
		}
		return new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", model, status);
	}

}
