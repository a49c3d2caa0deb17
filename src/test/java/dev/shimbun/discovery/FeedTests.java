package dev.shimbun.discovery;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Atom and RSS feeds, read back with ROME. */
class FeedTests extends DiscoveryTestSupport {

	@Test
	void atomFeedListsOnlyPublishedArticlesNewestFirst() throws Exception {
		MvcResult result = this.mvc.perform(get("/feed.atom")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=300, public");
		SyndFeed feed = parse(result);
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).isEqualTo("Shimbun");
		assertThat(feed.getEntries()).hasSize(DiscoveryFixture.VISIBLE);
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
		}
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
			.doesNotContain(article("pig-kidney-transplant-ucla"), article("iphone17-orders-surge"));
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
