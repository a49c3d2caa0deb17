package dev.shimbun.comment;

import java.util.List;
import java.util.Optional;

import dev.shimbun.article.ArticlePaths;
import dev.shimbun.pagecache.CacheablePage;

import org.springframework.stereotype.Component;

/**
 * The comments section alone ({@code /articles/{slug}/comments/section}) as the page
 * cache keeps it: like the article page, one for each order, page and thread, dropped
 * with the article's pages. Every reader with the article open asks for it after a
 * change; the first one renders it.
 */
@Component
class CacheableCommentsSection implements CacheablePage {

	private static final String SUFFIX = "/comments/section";

	private static final List<String> KEY_PARAMETERS = List.of("corder", "cpage", "thread");

	@Override
	public boolean matches(String path) {
		return article(path).isPresent();
	}

	@Override
	public List<String> keyParameters() {
		return KEY_PARAMETERS;
	}

	@Override
	public Optional<String> article(String path) {
		return path.endsWith(SUFFIX) ? ArticlePaths.slug(path.substring(0, path.length() - SUFFIX.length()))
				: Optional.empty();
	}

}
