package dev.shimbun.media;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets an upload that Tomcat refuses as too large reach {@link MediaUploadAdvice}.
 * <p>
 * Tomcat parses a multipart body when a parameter is first read, and refuses one over
 * {@code spring.servlet.multipart.max-file-size} / {@code max-request-size}; since Tomcat
 * 11 {@code getParameter} then throws. Spring Security's CSRF filter is the first to read
 * a parameter, so the refusal would end on the generic error page. For uploads to
 * {@code /admin/media} this filter (before Spring Security) answers parameter reads of a
 * refused body from the query string alone, where the upload form also carries its CSRF
 * token: the token is still checked, and the refused body then fails in the
 * DispatcherServlet as a {@code MaxUploadSizeExceededException}, before any handler runs.
 */
class MediaUploadFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !HttpMethod.POST.matches(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new RefusedBodyTolerantRequest(request), response);
	}

	/** Reads parameters from the query string alone when the body cannot be parsed. */
	private static final class RefusedBodyTolerantRequest extends HttpServletRequestWrapper {

		RefusedBodyTolerantRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (IllegalStateException ex) {
				return queryParameters().getFirst(name);
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (IllegalStateException ex) {
				List<String> values = queryParameters().get(name);
				return (values != null) ? values.toArray(String[]::new) : null;
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException ex) {
				Map<String, String[]> map = new LinkedHashMap<>();
				queryParameters().forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
				return Collections.unmodifiableMap(map);
			}
		}

		@Override
		public Enumeration<String> getParameterNames() {
			try {
				return super.getParameterNames();
			}
			catch (IllegalStateException ex) {
				return Collections.enumeration(queryParameters().keySet());
			}
		}

		private MultiValueMap<String, String> queryParameters() {
			MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
			String query = getQueryString();
			if (query != null) {
				UriComponentsBuilder.newInstance()
					.query(query)
					.build()
					.getQueryParams()
					.forEach((name, values) -> values
						.forEach((value) -> decoded.add(decode(name), (value != null) ? decode(value) : "")));
			}
			return decoded;
		}

		private static String decode(String text) {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}

	}

}
