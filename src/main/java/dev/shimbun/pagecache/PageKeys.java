package dev.shimbun.pagecache;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Which requests the page cache answers, and under which {@link PageKey}: a GET or HEAD
 * of a kind of page that a feature declared ({@link CacheablePage}), keyed by its path
 * and the query parameters that change it. With any other parameter, such as the notice
 * after posting a comment, the page is rendered for the request alone.
 */
@Component
class PageKeys {

	/** The longest value of a parameter that is kept under a key. */
	private static final int LONGEST_VALUE = 20;

	private final List<CacheablePage> kinds;

	PageKeys(List<CacheablePage> kinds) {
		this.kinds = List.copyOf(kinds);
	}

	/** Whether a request asks for a page of a kind that is kept. */
	boolean answers(HttpServletRequest request) {
		String method = request.getMethod();
		return ("GET".equals(method) || "HEAD".equals(method)) && kind(path(request)) != null;
	}

	/**
	 * The key of the page a request asks for.
	 * @return the key, or {@code null} when the page is to be rendered for this request
	 * alone
	 */
	PageKey key(HttpServletRequest request) {
		String path = path(request);
		CacheablePage kind = kind(path);
		if (kind == null) {
			return null;
		}
		if (request.getQueryString() == null) {
			// a GET or HEAD has no parameters but those of its query string
			return key(kind, path);
		}
		StringBuilder key = new StringBuilder(path);
		Map<String, String[]> parameters = request.getParameterMap();
		int known = 0;
		for (String name : kind.keyParameters()) {
			String[] values = parameters.get(name);
			if (values != null) {
				if (values.length != 1 || values[0].length() > LONGEST_VALUE) {
					return null;
				}
				known++;
				key.append(known == 1 ? '?' : '&').append(name).append('=').append(values[0]);
			}
		}
		return (known == parameters.size()) ? new PageKey(key.toString(), kind.article(path).orElse(null)) : null;
	}

	/**
	 * The key of the page that a GET or HEAD without a query string asks for.
	 * @param path the request's path, not decoded
	 * @return the key, or {@code null} when no kind of page kept has this path
	 */
	PageKey key(String path) {
		CacheablePage kind = kind(path);
		return (kind != null) ? key(kind, path) : null;
	}

	private static PageKey key(CacheablePage kind, String path) {
		return new PageKey(path, kind.article(path).orElse(null));
	}

	private CacheablePage kind(String path) {
		for (CacheablePage kind : this.kinds) {
			if (kind.matches(path)) {
				return kind;
			}
		}
		return null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
