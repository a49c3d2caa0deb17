package dev.shimbun.article;

import java.time.ZonedDateTime;

/** What the edit page shows beside the form: the saved state of the article. */
public record EditorInfo(Long id, String slug, ArticleStatus status, boolean visible, ZonedDateTime updatedAt,
		String updatedBy, int revisions) {

	public String publicPath() {
		return ArticlePaths.of(this.slug);
	}

}
