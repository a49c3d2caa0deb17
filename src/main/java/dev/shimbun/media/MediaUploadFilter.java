package dev.shimbun.media;

import java.io.IOException;
import java.io.InputStream;
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
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets an upload that the server refuses as too large reach {@link MediaUploadAdvice},
 * and the browser read its answer.
 * <p>
 * Jetty parses a multipart body when a parameter is first read, and refuses one over
 * {@code spring.servlet.multipart.max-file-size} / {@code max-request-size}:
 * {@code getParameter} then throws. Spring Security's CSRF filter is the first to read a
 * parameter, so the refusal would end on the generic error page. For uploads to
 * {@code /admin/media} this filter (before Spring Security) answers parameter reads of a
 * refused body from the query string alone, where the upload form also carries its CSRF
 * token: the token is still checked, and the refused body then fails in the
 * DispatcherServlet as a {@code MaxUploadSizeExceededException}, before any handler runs.
 * <p>
 * A browser sends the whole body before it reads the answer; a server that answers and
 * closes the connection while the body is still coming makes it show a reset connection
 * instead. So the rest of a refused body is read and discarded, up to
 * {@value #MAX_DISCARDED} bytes (a larger one is cut off).
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
		try {
			chain.doFilter(new RefusedBodyTolerantRequest(request), response);
		}
		finally {
			if (response.getStatus() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
				discardRest(request);
			}
		}
	}

	/**
	 * The most of a refused body read and thrown away, so that the browser shows the
	 * answer.
	 */
	static final long MAX_DISCARDED = 100L * 1024 * 1024;

	private static void discardRest(HttpServletRequest request) {
		ServletContextRequest server;
		try {
			server = ServletContextRequest.getServletContextRequest(request);
		}
		catch (IllegalStateException ex) {
			// not a request Jetty received (MockMvc): there is no connection to keep
			return;
		}
		long left = MAX_DISCARDED;
		try (InputStream body = Content.Source.asInputStream(server)) {
			byte[] buffer = new byte[16 * 1024];
			int read;
			while (left > 0 && (read = body.read(buffer)) >= 0) {
				left -= read;
			}
		}
		catch (IOException | RuntimeException ex) {
			// the body ended badly or the client went: nothing more to read
		}
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
			catch (IllegalStateException | HttpException.RuntimeException ex) {
				return queryParameters().getFirst(name);
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (IllegalStateException | HttpException.RuntimeException ex) {
				List<String> values = queryParameters().get(name);
				return (values != null) ? values.toArray(String[]::new) : null;
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException | HttpException.RuntimeException ex) {
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
			catch (IllegalStateException | HttpException.RuntimeException ex) {
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
