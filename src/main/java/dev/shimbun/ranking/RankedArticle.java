package dev.shimbun.ranking;

import dev.shimbun.article.ArticlePaths;

/** An article in a computed ranking, with what a list shows of it. */
public record RankedArticle(Long id, String slug, String headline, Long categoryId, String categoryName, long views) {

	/** The article page's address. */
	public String path() {
		return ArticlePaths.of(this.slug);
	}

}
