package dev.shimbun.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The tags a rendered page carries, by which it is dropped (here, and in an edge cache as
 * Varnish's {@code xkey}): plain words, so that a list of them fits one header. Every
 * page carries {@link #ALL}; an article's pages carry {@link #pageOf}, the others
 * {@link #INDEX}; and every page carries {@link #linksTo} for each article it links to,
 * found in its bytes, so that what shows an article is known without asking the features
 * that rendered it.
 */
public final class PageTags {

	/** Every page. */
	public static final String ALL = "all";

	/** The pages that are not one article's: front, category pages. */
	public static final String INDEX = "index";

	private static final byte[] ARTICLES = "/articles/".getBytes(StandardCharsets.US_ASCII);

	/** The longest slug read from a link. */
	private static final int LONGEST_SLUG = 120;

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

	/** The tags of a page kept under a key, with these bytes. */
	static Set<String> of(PageKey key, byte[] body) {
		Set<String> tags = new HashSet<>();
		tags.add(ALL);
		tags.add((key.article() != null) ? pageOf(key.article()) : INDEX);
		for (int at = indexOf(body, 0); at >= 0; at = indexOf(body, at)) {
			int start = at + ARTICLES.length;
			int end = start;
			while (end < body.length && end - start <= LONGEST_SLUG && isSlugByte(body[end])) {
				end++;
			}
			if (end > start && end - start <= LONGEST_SLUG) {
				tags.add(linksTo(new String(body, start, end - start, StandardCharsets.US_ASCII)));
			}
			at = end;
		}
		return Set.copyOf(tags);
	}

	/** Letters, digits and the hyphen, which is what a slug is made of. */
	private static boolean isSlugByte(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || (b >= 'A' && b <= 'Z') || b == '_';
	}

	private static int indexOf(byte[] body, int from) {
		byte first = ARTICLES[0];
		int last = body.length - ARTICLES.length;
		for (int i = from; i <= last; i++) {
			if (body[i] != first) {
				continue;
			}
			int j = 1;
			while (j < ARTICLES.length && body[i + j] == ARTICLES[j]) {
				j++;
			}
			if (j == ARTICLES.length) {
				return i;
			}
		}
		return -1;
	}

}
