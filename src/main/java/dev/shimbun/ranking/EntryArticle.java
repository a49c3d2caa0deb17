package dev.shimbun.ranking;

/**
 * The article of a list entry as the list editor shows it; {@code visible} tells whether
 * readers can see the article now.
 */
public record EntryArticle(Long id, String headline, String slug, boolean visible) {

	public String path() {
		return "/articles/" + this.slug;
	}

}
