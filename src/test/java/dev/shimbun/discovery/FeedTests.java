package dev.shimbun.discovery;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.media.MediaService;
import dev.shimbun.media.MediaView;
import dev.shimbun.support.Articles;
import dev.shimbun.support.Media;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Atom and RSS feeds, read back with ROME. */
class FeedTests extends DiscoveryTestSupport {

	/** Just before the newest seed article, so that an article then is in the feeds. */
	private static final Instant SECOND_NEWEST = Instant.parse("2025-06-09T23:00:00Z");

	@Autowired
	private ArticleAdminService editor;

	@Autowired
	private MediaService media;

	@Test
	void atomFeedListsOnlyPublishedArticlesNewestFirst() throws Exception {
		MvcResult result = this.mvc.perform(get("/feed.atom")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=300, public");
		SyndFeed feed = parse(result);
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).isEqualTo("Shimbun");
		// the newest of the visible articles; two hidden ones are dated after all of them
		assertThat(DiscoveryFixture.VISIBLE).isGreaterThan(DiscoveryService.FEED_SIZE);
		assertThat(feed.getEntries()).hasSize(DiscoveryService.FEED_SIZE);
		assertThat(links(feed))
			.doesNotContainAnyElementsOf(DiscoveryFixture.HIDDEN.stream().map((slug) -> article(slug)).toList());
		assertThat(feed.getEntries().get(0).getLink()).isEqualTo(article(DiscoveryFixture.EDD));
		List<Date> dates = feed.getEntries().stream().map(SyndEntry::getPublishedDate).toList();
		assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void entryCarriesHeadlineSummaryAuthorDatesCategoryAndFirstImage() throws Exception {
		for (String path : List.of("/feed.atom", "/feed.rss")) {
			SyndFeed feed = parse(this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
			SyndEntry edd = feed.getEntries().get(0);
			assertThat(edd.getTitle()).as(path).startsWith("中国・ロシア・北朝鮮への「明確な信号」");
			assertThat(edd.getDescription().getValue()).as(path).startsWith("米国と日本は5~6日");
			assertThat(edd.getAuthor()).as(path).isEqualTo("梶原圭介");
			assertThat(edd.getPublishedDate()).as(path).isEqualTo(Date.from(Instant.parse("2025-06-10T00:00:00Z")));
			assertThat(edd.getCategories()).as(path).extracting("name").containsExactly("ニュース");
			assertThat(edd.getEnclosures()).as(path).hasSize(1);
			assertThat(edd.getEnclosures().get(0).getUrl()).as(path)
				.isEqualTo(DiscoveryFixture.BASE_URL + "/images/seed/edd-1.jpg");
			assertThat(edd.getEnclosures().get(0).getType()).as(path).isEqualTo("image/jpeg");
			assertThat(edd.getEnclosures().get(0).getLength()).as(path)
				.isEqualTo(new org.springframework.core.io.ClassPathResource("static/images/seed/edd-1.jpg")
					.contentLength());
		}
	}

	@Test
	void markupInSummariesAndHeadlinesReachesFeedReadersAsText() throws Exception {
		String slug = "markup-in-feeds";
		String headline = "見出し <script>alert(1)</script> &amp; <b>太字</b> \"引用\" 'x' & <";
		String summary = "概要 <script>alert(1)</script> &amp; &lt;b&gt; <b>太字</b> \"引用\" 'x' & <img src=x>";
		Long id = Articles.published()
			.slug(slug)
			.headline(headline)
			.summary(summary)
			.publishedAt(SECOND_NEWEST)
			.save(this.context);
		try {
			for (String path : List.of("/feed.rss", "/feed.atom")) {
				org.w3c.dom.Element entry = entry(xml(path), article(slug));
				org.w3c.dom.Element description = child(entry, path.endsWith("rss") ? "description" : "summary");
				if (path.endsWith("atom")) {
					assertThat(description.getAttribute("type")).isEqualTo("html");
				}
				// a feed reader reads the description as HTML: it must show the text, no
				// elements
				org.jsoup.nodes.Element shown = org.jsoup.Jsoup.parseBodyFragment(description.getTextContent()).body();
				assertThat(shown.children()).as(path).isEmpty();
				assertThat(shown.wholeText()).as(path).isEqualTo(summary);
				// titles are plain text in both formats
				org.w3c.dom.Element title = child(entry, "title");
				assertThat(title.getAttribute("type")).as(path).isIn("", "text");
				assertThat(title.getTextContent()).as(path).isEqualTo(headline);
			}
		}
		finally {
			this.editor.delete(id);
		}
	}

	@Test
	void theEnclosureOfAMediaItemHasItsRealTypeAndLength() throws Exception {
		String slug = "media-in-feeds";
		MediaView item = Media.png(800, 600).altText("青い四角").save(this.context);
		Long id = Articles.published()
			.slug(slug)
			.headline("メディアの図がある記事")
			.figure(item.id(), null)
			.publishedAt(SECOND_NEWEST)
			.save(this.context);
		try {
			for (String path : List.of("/feed.rss", "/feed.atom")) {
				SyndFeed feed = parse(this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
				SyndEntry entry = feed.getEntries()
					.stream()
					.filter((candidate) -> candidate.getLink().equals(article(slug)))
					.findFirst()
					.orElseThrow();
				assertThat(entry.getEnclosures()).as(path).singleElement().satisfies((enclosure) -> {
					// the original file (its address is the media library's business)
					assertThat(enclosure.getUrl()).startsWith(DiscoveryFixture.BASE_URL + "/media/")
						.doesNotEndWith("/640")
						.doesNotEndWith("/1280");
					assertThat(enclosure.getType()).isEqualTo("image/png");
					assertThat(enclosure.getLength()).isEqualTo(item.byteSize());
				});
			}
		}
		finally {
			this.editor.delete(id);
			this.media.delete(item.id());
		}
	}

	private org.w3c.dom.Document xml(String path) throws Exception {
		byte[] body = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
	}

	/** The item (RSS) or entry (Atom) with this link. */
	private static org.w3c.dom.Element entry(org.w3c.dom.Document xml, String link) {
		for (String name : List.of("item", "entry")) {
			org.w3c.dom.NodeList entries = xml.getElementsByTagNameNS("*", name);
			for (int i = 0; i < entries.getLength(); i++) {
				org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
				org.w3c.dom.Element linkElement = child(entry, "link");
				String href = linkElement.hasAttribute("href") ? linkElement.getAttribute("href")
						: linkElement.getTextContent();
				if (href.equals(link)) {
					return entry;
				}
			}
		}
		throw new AssertionError("No entry for " + link);
	}

	private static org.w3c.dom.Element child(org.w3c.dom.Element parent, String name) {
		org.w3c.dom.NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof org.w3c.dom.Element element && element.getLocalName().equals(name)) {
				return element;
			}
		}
		throw new AssertionError("No " + name + " in " + parent.getLocalName());
	}

	@Test
	void rssFeedListsTheSameArticles() throws Exception {
		MvcResult result = this.mvc.perform(get("/feed.rss")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/rss+xml;charset=UTF-8");
		SyndFeed feed = parse(result);
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getLanguage()).isEqualTo("ja");
		assertThat(feed.getLink()).isEqualTo(DiscoveryFixture.BASE_URL + "/");
		SyndFeed atom = parse(this.mvc.perform(get("/feed.atom")).andReturn());
		assertThat(links(feed)).containsExactlyElementsOf(links(atom));
	}

	@Test
	void categoryFeedListsOnlyThatCategory() throws Exception {
		SyndFeed feed = parse(
				this.mvc.perform(get("/categories/news/feed.atom")).andExpect(status().isOk()).andReturn());
		assertThat(feed.getTitle()).isEqualTo("Shimbun | ニュース");
		assertThat(feed.getEntries()).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.getCategories()).extracting("name").containsExactly("ニュース"));
		assertThat(links(feed)).contains(article(DiscoveryFixture.EDD))
			.doesNotContainAnyElementsOf(DiscoveryFixture.HIDDEN.stream().map((slug) -> article(slug)).toList());
		SyndFeed cars = parse(this.mvc.perform(get("/categories/cars/feed.atom")).andReturn());
		assertThat(links(cars)).containsExactly(article("lamborghini-manifesto-design"),
				article("lamborghini-lounge-tokyo"), article("subaru-brz-2026"), article("audi-bayern-rs-etron-gt"));
	}

	@Test
	void unknownCategoryIsNotFound() throws Exception {
		this.mvc.perform(get("/categories/no-such-category/feed.atom")).andExpect(status().isNotFound());
	}

	private static SyndFeed parse(MvcResult result) throws Exception {
		return new SyndFeedInput()
			.build(new StringReader(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
	}

	private static List<String> links(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getLink).toList();
	}

	static String article(String slug) {
		return DiscoveryFixture.BASE_URL + "/articles/" + slug;
	}

}
