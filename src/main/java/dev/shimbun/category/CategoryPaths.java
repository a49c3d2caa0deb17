package dev.shimbun.category;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of a category page, {@code /categories/{slug}}: the one definition that the
 * controller maps and that the page cache in front of it recognises.
 */
public final class CategoryPaths {

	/** The category page's mapping. */
	public static final String PAGE = "/categories/{slug}";

	private static final Pattern PAGE_PATH = Pattern.compile("/categories/(" + Category.SLUG_PATTERN + ")");

	private CategoryPaths() {
	}

	/**
	 * The slug of the category whose page a path addresses.
	 * @param path a request path within the application (without the context path), not
	 * decoded
	 * @return the slug, or empty when the path is not a category page's
	 */
	public static Optional<String> slug(String path) {
		Matcher matcher = PAGE_PATH.matcher(path);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
