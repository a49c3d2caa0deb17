package dev.shimbun.web;

import java.util.List;

import dev.shimbun.support.SeedSiteTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

@SeedSiteTest
class HomePageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void frontPageLeadsWithTheEddArticle() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/");
		assertThat(page.title()).isEqualTo("Shimbun");
		assertThat(page.select("h1")).hasSize(1);
		Element top = page.selectFirst(".top-story");
		assertThat(top.selectFirst("a").attr("href"))
			.isEqualTo("/articles/us-japan-extended-deterrence-dialogue-barksdale-b52");
		assertThat(top.selectFirst(".top-story-headline").text()).startsWith("中国・ロシア・北朝鮮への「明確な信号」");
		assertThat(top.selectFirst("img").attr("src")).startsWith("/images/seed/edd-1-");
	}

	@Test
	void frontPageListsTheLatestArticlesNewestFirstWithoutTheTopStory() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/");
		List<Element> items = page.select(".latest .summary");
		assertThat(items).hasSize(20);
		List<String> dates = items.stream().map((item) -> item.selectFirst("time").attr("datetime")).toList();
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(page.select(".latest a").eachAttr("href"))
			.doesNotContain("/articles/us-japan-extended-deterrence-dialogue-barksdale-b52");
		assertThat(page.select(".latest .summary").first().selectFirst(".label").text()).isEqualTo("ニュース");
	}

	@Test
	void frontPageHasTheSidebarsAndMenus() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/");
		assertThat(page.select("aside h2").eachText()).containsExactly("[ニュース] ランキング", "おすすめニュース", "話題");
		assertThat(page.select("#main-menu-top a")).hasSize(7);
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/");
		assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("website");
	}

	@Test
	void everyPageCarriesSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
							org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Content-Language", "ja"));
	}

	@Test
	void staticAssetsAreFingerprintedAndCachedForAYear() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/");
		String css = page.selectFirst("link[rel=stylesheet]").attr("href");
		assertThat(css).matches("/css/site-[0-9a-f]{32}\\.css");
		this.mvc.perform(get(css))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000")));
	}

}
