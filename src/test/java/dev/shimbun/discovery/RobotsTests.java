package dev.shimbun.discovery;

import java.nio.charset.StandardCharsets;

import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** robots.txt and the feed links in every page's head. */
class RobotsTests extends DiscoveryTestSupport {

	@Test
	void robotsKeepAdminAndSearchOutAndPointAtTheSitemaps() throws Exception {
		MvcResult result = this.mvc.perform(get("/robots.txt")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("""
				User-agent: *
				Disallow: /admin/
				Disallow: /search

				Sitemap: https://news.example.jp/sitemap.xml
				Sitemap: https://news.example.jp/sitemap-news.xml
				""");
	}

	@Test
	void everyPageLinksTheSiteFeeds() throws Exception {
		for (String path : new String[] { "/", "/articles/" + DiscoveryFixture.EDD, "/categories/news" }) {
			Document page = new PageFetcher(this.mvc).get(path);
			assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(path)
				.contains("https://news.example.jp/feed.atom");
			assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href")).as(path)
				.containsExactly("https://news.example.jp/feed.rss");
		}
	}

	@Test
	void categoryPagesLinkTheirOwnFeed() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/categories/news");
		assertThat(page.select("head link[rel=alternate][type=application/atom+xml]")).anySatisfy((link) -> {
			assertThat(link.attr("href")).isEqualTo("https://news.example.jp/categories/news/feed.atom");
			assertThat(link.attr("title")).isEqualTo("Shimbun | ニュース");
		});
		Document home = new PageFetcher(this.mvc).get("/");
		assertThat(home.select("head link[rel=alternate][type=application/atom+xml]")).hasSize(1);
	}

}
