package dev.shimbun.article;

import java.util.List;
import java.util.Optional;

import dev.shimbun.pagecache.CacheablePage;

import org.springframework.stereotype.Component;

/**
 * The article page as the page cache keeps it: one page for each order and page of its
 * comments and each comment thread (the {@code corder}, {@code cpage} and {@code thread}
 * parameters that the comments section reads), dropped when the article's comments or
 * count change.
 */
@Component
class CacheableArticlePage implements CacheablePage {

	private static final List<String> KEY_PARAMETERS = List.of("corder", "cpage", "thread");

	@Override
	public boolean matches(String path) {
		return ArticlePaths.slug(path).isPresent();
	}

	@Override
	public List<String> keyParameters() {
		return KEY_PARAMETERS;
	}

	@Override
	public Optional<String> article(String path) {
		return ArticlePaths.slug(path);
	}

}
