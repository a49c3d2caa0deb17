package dev.shimbun.ranking;

import java.util.List;

import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The issue's own check: an editor switches the ranking to computed, readers on a few
 * clients read articles, and after the next recompute the ranking shows what they read; a
 * bot's reads change nothing.
 */
@SiteTest
@OwnContext
@DirtiesContext
class RankingJourneyTests {

	static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131 Safari/537.36";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ViewCounter counter;

	@Autowired
	private RankingService rankings;

	private void read(String slug, String address, String userAgent) throws Exception {
		this.mvc.perform(get("/articles/" + slug).header("User-Agent", userAgent).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		})).andExpect(status().isOk());
	}

	private List<String> ranking() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/");
		return page.select("#sidebar-ranking a").eachAttr("href");
	}

	@Test
	void readsFromSeveralClientsMakeTheComputedRankingAndBotsDoNot() throws Exception {
		List<String> curated = ranking();
		assertThat(curated.get(0)).isEqualTo("/articles/north-korea-coup-impossible");

		Document lists = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/admin/lists").with(user("editor").roles("EDITOR")))
				.andReturn()
				.getResponse()
				.getContentAsString());
		String edit = lists.select("a[href$=/edit]")
			.stream()
			.filter((link) -> link.text().contains("[ニュース] ランキング"))
			.findFirst()
			.orElseThrow()
			.attr("href");
		HtmlForm form = HtmlForm
			.of(org.jsoup.Jsoup.parse(this.mvc.perform(get(edit).with(user("editor").roles("EDITOR")))
				.andReturn()
				.getResponse()
				.getContentAsString()), "#list-form");
		assertThat(form.get("mode")).isEqualTo("CURATED");
		this.mvc.perform(form.set("mode", "COMPUTED").submit("action", "save").with(user("editor").roles("EDITOR")))
			.andExpect(status().is3xxRedirection());

		for (int client = 1; client <= 4; client++) {
			read("iran-missile-fuel-smuggling", "203.0.113." + client, BROWSER);
		}
		for (int client = 1; client <= 2; client++) {
			read("gut-bacteria-anxiety-ucla", "203.0.113." + client, BROWSER);
		}
		read("pig-kidney-transplant-ucla", "203.0.113.9", BROWSER);
		for (int i = 0; i < 50; i++) {
			read("north-korea-coup-impossible", "198.51.100." + i, "Googlebot/2.1");
		}
		this.counter.flush();
		this.rankings.recompute();
		assertThat(ranking()).containsExactly("/articles/iran-missile-fuel-smuggling",
				"/articles/gut-bacteria-anxiety-ucla", "/articles/pig-kidney-transplant-ucla");
	}

}
