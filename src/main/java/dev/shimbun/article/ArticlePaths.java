package dev.shimbun.article;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of an article page, {@code /articles/{slug}}: the one definition that the
 * controller maps and that the filters in front of it (view counting, page cache)
 * recognise.
 */
public final class ArticlePaths {

	/** The article page's mapping. */
	public static final String PAGE = "/articles/{slug}";

	/** Where readers post a comment on an article. */
	public static final String COMMENTS = PAGE + "/comments";

	private static final String PAGE_PREFIX = "/articles/";

	private ArticlePaths() {
	}

	/** The address of the page of the article with this slug. */
	public static String of(String slug) {
		return "/articles/" + slug;
	}

	/**
	 * The slug of the article whose page a path addresses.
	 * @param path a request path within the application (without the context path), not
	 * decoded
	 * @return the slug, or empty when the path is not an article page's
	 */
	public static Optional<String> slug(String path) {
		// /articles/ then [a-z0-9]+(-[a-z0-9]+)*, read by hand: every public request
		// passes here (view counting, the page cache), several times
		if (!path.startsWith(PAGE_PREFIX)) {
			return Optional.empty();
		}
		int start = PAGE_PREFIX.length();
		// true at the start too: the slug neither starts nor ends with a hyphen, nor is
		// empty
		boolean afterHyphen = true;
		for (int i = start; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '-') {
				if (afterHyphen) {
					return Optional.empty();
				}
				afterHyphen = true;
			}
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				afterHyphen = false;
			}
			else {
				return Optional.empty();
			}
		}
		return afterHyphen ? Optional.empty() : Optional.of(path.substring(start));
	}

	/**
	 * The slug an editor means by an address: a slug, a site path of an article page, or
	 * a full address whose path is one (of this site or a copy of it).
	 * @return the slug, or empty when it is none of these
	 */
	public static Optional<String> slugOfAddress(String address) {
		if (address == null) {
			return Optional.empty();
		}
		String text = address.strip();
		if (text.matches(ArticleForm.SLUG_PATTERN)) {
			return Optional.of(text);
		}
		Matcher absolute = Pattern.compile("https?://[^/?#\\s]+(/[^?#\\s]*)(?:[?#].*)?").matcher(text);
		String path = absolute.matches() ? absolute.group(1) : text.replaceFirst("[?#].*$", "");
		return slug(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
	}

	/**
	 * The slug of the article whose page a request asks for.
	 * @return the slug, or empty when the request is not for an article page
	 */
	public static Optional<String> slug(HttpServletRequest request) {
		return slug(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
