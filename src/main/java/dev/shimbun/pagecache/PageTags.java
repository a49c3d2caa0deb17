package dev.shimbun.pagecache;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.ServletRequest;

/**
 * The tags a rendered page carries, by which it is dropped (here, and in an edge cache as
 * Varnish's {@code xkey}): plain words, so that a list of them fits one header. Every
 * page carries {@link #ALL}; an article's pages carry {@link #pageOf}, the others
 * {@link #INDEX}; every page carries {@link #linksTo} for each article it links to, found
 * in its bytes, so that what shows an article is known without asking the features that
 * rendered it; and a page that shows more of an article than a link (its summary, its
 * picture: the front page's top story) carries {@link #showsSummaryOf}, declared by the
 * controller that rendered it ({@link #showsSummary}).
 */
public final class PageTags {

	/** Every page. */
	public static final String ALL = "all";

	/** The pages that are not one article's: front, category pages. */
	public static final String INDEX = "index";

	/** The request attribute holding the tags a rendering declared. */
	private static final String DECLARED = PageTags.class.getName() + ".declared";

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

	/**
	 * The pages that show an article's summary or picture, which an edit of its text
	 * alone changes (not only its headline, which is in every link).
	 */
	public static String showsSummaryOf(String slug) {
		return "summary-" + slug;
	}

	/**
	 * Declares that the page this request renders shows the summary or picture of an
	 * article, so that an edit of that article's text marks it stale.
	 */
	public static void showsSummary(ServletRequest request, String slug) {
		declared(request).add(showsSummaryOf(slug));
	}

	/** The tags the rendering of this request declared. */
	static Set<String> declaredBy(ServletRequest request) {
		@SuppressWarnings("unchecked")
		Set<String> declared = (Set<String>) request.getAttribute(DECLARED);
		return (declared != null) ? declared : Set.of();
	}

	private static Set<String> declared(ServletRequest request) {
		@SuppressWarnings("unchecked")
		Set<String> declared = (Set<String>) request.getAttribute(DECLARED);
		if (declared == null) {
			declared = new LinkedHashSet<>();
			request.setAttribute(DECLARED, declared);
		}
		return declared;
	}

	/** The tags of a page kept under a key, with these bytes and these declared tags. */
	static Set<String> of(PageKey key, byte[] body, Collection<String> declared) {
		Set<String> tags = new HashSet<>(declared);
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
