package dev.shimbun.pagecache;

/**
 * The tags a rendered page carries, by which it is dropped (here, and in an edge cache as
 * Varnish's {@code xkey}): plain words, so that a list of them fits one header.
 */
public final class PageTags {

	/** Every page. */
	public static final String ALL = "all";

	/** The pages that are not one article's: front, category pages. */
	public static final String INDEX = "index";

	private PageTags() {
	}

	/** The pages of one article: the article and its comments. */
	public static String pageOf(String slug) {
		return "page-" + slug;
	}

	/** The pages that link to an article (lists, sidebars, related articles). */
	public static String linksTo(String slug) {
		return "links-" + slug;
	}

}
