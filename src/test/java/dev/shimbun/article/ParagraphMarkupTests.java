package dev.shimbun.article;

import dev.shimbun.support.Articles;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paragraphs written with inline markup: readers see the formatting, links and ruby;
 * descriptions, feeds and search see the words only; hostile markup is text.
 */
@SiteTest
class ParagraphMarkupTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void readersSeeFormattingLinksAndRubyAndEverythingElseSeesTheWords() throws Exception {
		Articles.published()
			.slug("markup-article")
			.headline("書式のある記事")
			.paragraph("**核の傘**を*強調*し、[防衛省](https://www.mod.go.jp/)と[関連](/articles/b-52)、{抑止|よくし}力。")
			.paragraph("<script>alert(1)</script>[罠](javascript:alert(1)){<img src=x onerror=alert(1)>|よみ}")
			.save(this.context);
		PageFetcher pages = new PageFetcher(this.mvc);
		Document page = pages.get("/articles/markup-article");
		Element first = page.select(".article-body p").first();
		assertThat(first.select("strong").text()).isEqualTo("核の傘");
		assertThat(first.select("em").text()).isEqualTo("強調");
		assertThat(first.select("a[href=https://www.mod.go.jp/]").attr("rel")).isEqualTo("noopener noreferrer");
		assertThat(first.select("a[href=/articles/b-52]").attr("rel")).isEmpty();
		assertThat(first.select("ruby rt").text()).isEqualTo("よくし");
		assertThat(first.select("ruby rp").eachText()).containsExactly("(", ")");

		Element second = page.select(".article-body p").get(1);
		assertThat(second.select("script, img, a")).isEmpty();
		assertThat(second.text()).contains("<script>alert(1)</script>", "罠", "<img src=x onerror=alert(1)>");

		assertThat(page.selectFirst("meta[name=description]").attr("content")).startsWith("核の傘を強調し、防衛省と関連、抑止力。");
		String feed = pages.get("/feed.atom").outerHtml();
		assertThat(feed).contains("核の傘を強調し、防衛省と関連、抑止力。").doesNotContain("**核の傘**");
		Document results = pages.get("/search?q=抑止力");
		assertThat(results.select(".search-results .summary-headline").eachAttr("href"))
			.as(results.select("main").text())
			.startsWith("/articles/markup-article");
		assertThat(results.select(".search-snippet").first().text()).isEqualTo("核の傘を強調し、防衛省と関連、抑止力。");
	}

}
