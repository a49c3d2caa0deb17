package dev.shimbun.pagecache;

/**
 * What a page is kept under: its path and the query parameters that change it, as
 * {@code /articles/why-we-yawn?corder=new&cpage=2}.
 *
 * @param value the path followed by the parameters that change the page, in the order its
 * kind declares them
 * @param article the slug of the article the page is, or {@code null} for other pages
 */
record PageKey(String value, String article) {

	/**
	 * Whether this is one of the pages of an article (any page and order of comments).
	 */
	boolean isOf(String slug) {
		return slug.equals(this.article);
	}

}
