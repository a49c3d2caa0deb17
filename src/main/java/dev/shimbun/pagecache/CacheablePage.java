package dev.shimbun.pagecache;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A kind of public page that the page cache keeps, declared as a bean by the feature that
 * serves it, so that the cache knows the address of no page itself.
 */
public interface CacheablePage {

	/**
	 * Whether a path is a page of this kind.
	 * @param path a request path within the application (without the context path), not
	 * decoded
	 */
	boolean matches(String path);

	/**
	 * The query parameters that make a different page of this kind (a page of comments, a
	 * page of a category). A request with any other parameter gets a page rendered for it
	 * alone.
	 */
	List<String> keyParameters();

	/**
	 * The article that the page at a path is, so that a change to its comments or to its
	 * count drops the page.
	 * @param path a path this kind matches
	 * @return the article's slug, or empty when the page is not one article's
	 */
	default Optional<String> article(String path) {
		return Optional.empty();
	}

	/** A kind of page that is not an article's. */
	static CacheablePage of(Predicate<String> matches, String... keyParameters) {
		List<String> parameters = List.of(keyParameters);
		return new CacheablePage() {

			@Override
			public boolean matches(String path) {
				return matches.test(path);
			}

			@Override
			public List<String> keyParameters() {
				return parameters;
			}

		};
	}

}
