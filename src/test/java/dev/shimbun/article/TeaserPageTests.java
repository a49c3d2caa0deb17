package dev.shimbun.article;

import dev.shimbun.support.SeedSiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teaser from the seed's lists: headline, category and date, and a note instead of a
 * body.
 */
@SeedSiteTest
class TeaserPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void teaserShowsHeadlineCategoryDateAndANote() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/articles/newjeans-ador-lawsuit");
		assertThat(page.selectFirst("h1").text()).isEqualTo("「契約か信頼か」NewJeansとADORの専属契約訴訟…K-POPの未来を決める分岐点に");
		assertThat(page.selectFirst(".article-category").text()).isEqualTo("HYBEアイドル");
		assertThat(page.selectFirst(".byline time").attr("datetime")).startsWith("2025-06-");
		assertThat(page.selectFirst(".teaser-note").text()).isEqualTo("この記事は見出しのみを掲載しています。本文は提供されていません。");
		assertThat(page.select(".article-body figure")).isEmpty();
		assertThat(page.select(".article-signature")).as("no contact address for the desk").isEmpty();
		assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo(page.selectFirst("h1").text());
		assertThat(page.select("meta[property=og:image]")).isEmpty();
		assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
		assertThat(page.getElementById("comments")).isNotNull();
	}

	@Test
	void alsoReadNeverListsTheArticleBeingRead() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/articles/pig-kidney-transplant-ucla");
		assertThat(page.select(".also-read a").eachAttr("href")).hasSize(7)
			.doesNotContain("/articles/pig-kidney-transplant-ucla");
	}

}
