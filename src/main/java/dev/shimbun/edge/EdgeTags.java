package dev.shimbun.edge;

/**
 * The edge cache's tags ({@code xkey}) that are not pages' (those are
 * {@link dev.shimbun.pagecache.PageTags}).
 */
final class EdgeTags {

	/** The response header that carries a response's tags, space-separated. */
	static final String HEADER = "xkey";

	private EdgeTags() {
	}

	/** The files of one media item: the original and its resized variants. */
	static String media(Object id) {
		return "media-" + id;
	}

}
