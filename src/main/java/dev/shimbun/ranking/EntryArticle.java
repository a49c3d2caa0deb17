package dev.shimbun.ranking;

import dev.shimbun.article.ArticlePaths;

/**
 * The article of a list entry as the list editor shows it; {@code visible} tells whether
 * readers can see the article now.
 */
public record EntryArticle(Long id, String headline, String slug, boolean visible) {

	public String path() {
		return ArticlePaths.of(this.slug);
	}

}
