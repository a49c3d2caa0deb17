package dev.shimbun.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleListings;
import dev.shimbun.article.FeedEntry;
import dev.shimbun.article.NewsEntry;
import dev.shimbun.article.SitemapEntry;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * What feeds and sitemaps list: the articles readers can see now, the categories and the
 * front page, with absolute URLs.
 */
@Service
class DiscoveryService {

	/** Entries in a feed. */
	static final int FEED_SIZE = 20;

	/** The most URLs a sitemap may hold (sitemaps.org). */
	static final int SITEMAP_LIMIT = 50_000;

	/** How far back the news sitemap goes (Google News). */
	static final Duration NEWS_WINDOW = Duration.ofHours(48);

	/** The most URLs a news sitemap may hold (Google News). */
	static final int NEWS_LIMIT = 1000;

	/** Articles read from the database at once while a sitemap is written. */
	static final int BATCH = 1000;

	enum FeedType {

		ATOM("atom_1.0", "/feed.atom", "application/atom+xml"), RSS("rss_2.0", "/feed.rss", "application/rss+xml");

		private final String romeType;

		private final String fileName;

		private final String mediaType;

		FeedType(String romeType, String fileName, String mediaType) {
			this.romeType = romeType;
			this.fileName = fileName;
			this.mediaType = mediaType;
		}

	}

	private final ArticleListings listings;

	private final CategoryService categories;

	private final ShimbunProperties.Site site;

	private final Clock clock;

	private int sitemapPageSize = SITEMAP_LIMIT;

	DiscoveryService(ArticleListings listings, CategoryService categories, ShimbunProperties properties, Clock clock) {
		this.listings = listings;
		this.categories = categories;
		this.site = properties.site();
		this.clock = clock;
	}

	/**
	 * Fewer URLs per sitemap, so that tests can see the index without 50 000 articles.
	 */
	void setSitemapPageSize(int sitemapPageSize) {
		this.sitemapPageSize = sitemapPageSize;
	}

	ShimbunProperties.Site site() {
		return this.site;
	}

	/**
	 * The feed of the newest articles as XML.
	 * @param categorySlug a category, or {@code null} for the whole site
	 * @throws dev.shimbun.category.CategoryNotFoundException for an unknown category
	 */
	String feed(FeedType type, String categorySlug) {
		CategoryView category = (categorySlug != null) ? this.categories.get(categorySlug) : null;
		List<FeedEntry> entries = this.listings.latestForFeed((category != null) ? category.id() : null, FEED_SIZE);
		String pagePath = (category != null) ? category.path() : "/";
		String feedPath = ((category != null) ? category.path() : "") + type.fileName;
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type.romeType);
		feed.setEncoding("UTF-8");
		feed.setLanguage("ja");
		feed.setTitle((category != null) ? this.site.name() + " | " + category.name() : this.site.name());
		feed.setDescription(this.site.description());
		feed.setUri(this.site.absolute(feedPath));
		feed.setLink(this.site.absolute(pagePath));
		feed.setLinks(List.of(link("alternate", "text/html", this.site.absolute(pagePath)),
				link("self", type.mediaType, this.site.absolute(feedPath))));
		ZonedDateTime updated = entries.stream()
			.map(FeedEntry::updatedAt)
			.max(Comparator.naturalOrder())
			.orElseGet(() -> ZonedDateTime.now(this.clock));
		feed.setPublishedDate(Date.from(updated.toInstant()));
		feed.setEntries(entries.stream().map(this::entry).toList());
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Feed not written", ex);
		}
	}

	private SyndEntry entry(FeedEntry article) {
		SyndEntry entry = new SyndEntryImpl();
		String url = this.site.absolute(article.path());
		entry.setTitle(article.headline());
		entry.setLink(url);
		entry.setUri(url);
		entry.setAuthor(article.authorName());
		entry.setPublishedDate(Date.from(article.publishedAt().toInstant()));
		entry.setUpdatedDate(Date.from(article.updatedAt().toInstant()));
		// Feed readers read an RSS description, and an Atom summary of type html, as
		// HTML:
		// the text is escaped as HTML here, and ROME escapes that again for the XML.
		SyndContent description = new SyndContentImpl();
		description.setType("text/html");
		description.setValue(HtmlUtils.htmlEscape(article.description(), "UTF-8"));
		entry.setDescription(description);
		SyndCategory category = new SyndCategoryImpl();
		category.setName(article.categoryName());
		category.setTaxonomyUri(this.site.absolute("/categories/" + article.categorySlug()));
		entry.setCategories(List.of(category));
		// an image whose type cannot be told is left out rather than given a wrong one
		if (article.image() != null && article.image().type() != null) {
			SyndEnclosure enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(absolute(article.image().url()));
			enclosure.setType(article.image().type());
			enclosure.setLength(article.image().length());
			entry.setEnclosures(List.of(enclosure));
		}
		return entry;
	}

	private static SyndLink link(String rel, String type, String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	String absolute(String url) {
		return url.startsWith("/") ? this.site.absolute(url) : url;
	}

	/** The front page and the category pages, which come before the articles. */
	List<SitemapEntry> pages() {
		Map<String, ZonedDateTime> lastModified = this.listings.lastModifiedByCategory();
		List<SitemapEntry> pages = new ArrayList<>();
		pages.add(new SitemapEntry("/", lastModified.values().stream().max(Comparator.naturalOrder()).orElse(null)));
		for (CategoryView category : this.categories.menu()) {
			pages.add(new SitemapEntry(category.path(), lastModified.get(category.slug())));
		}
		return pages;
	}

	/**
	 * The sitemap's URLs: the pages, then the published articles in the order they were
	 * written.
	 */
	SitemapPlan sitemapPlan() {
		List<SitemapEntry> pages = pages();
		return new SitemapPlan(pages, this.listings.countPublished(), this.sitemapPageSize);
	}

	/** Published articles from an offset, in the order they were written. */
	List<SitemapEntry> articles(long offset, int limit) {
		return this.listings.publishedForSitemap(offset, limit);
	}

	/** The articles for the news sitemap: published in the last 48 hours. */
	List<NewsEntry> news() {
		return this.listings.publishedSince(this.clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
	}

	/**
	 * How the URLs are split: one sitemap if they fit, else numbered sitemaps (from 1)
	 * listed by an index.
	 */
	record SitemapPlan(List<SitemapEntry> pages, long articleCount, int pageSize) {

		long total() {
			return this.pages.size() + this.articleCount;
		}

		boolean needsIndex() {
			return total() > this.pageSize;
		}

		int sitemapCount() {
			return (int) Math.max(1, (total() + this.pageSize - 1) / this.pageSize);
		}

		/** The pages on sitemap {@code number}. */
		List<SitemapEntry> pagesOn(int number) {
			long start = (long) (number - 1) * this.pageSize;
			long end = start + this.pageSize;
			int size = this.pages.size();
			return this.pages.subList((int) Math.min(start, size), (int) Math.min(end, size));
		}

		/** The range of articles (by offset) on sitemap {@code number}. */
		long[] articlesOn(int number) {
			long start = (long) (number - 1) * this.pageSize;
			long end = Math.min(start + this.pageSize, total());
			int size = this.pages.size();
			return new long[] { Math.max(start - size, 0), Math.max(end - size, 0) };
		}

	}

}
