package dev.shimbun.article;

import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of body block, written through the editor's form without JavaScript: what
 * readers see, what search, feeds and structured data read, and hostile input in each
 * field refused or shown as text.
 */
@SiteTest
@WithMockUser(username = "editor", roles = "EDITOR")
class BlockKindsTests {

	static final String EDD = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	private PageFetcher pages() {
		return new PageFetcher(this.mvc);
	}

	private Document press(HtmlForm form, String action, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(form.submit("action", action)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
			.isEqualTo(expectedStatus);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** A new article's form with blocks of these kinds after its first paragraph. */
	private HtmlForm formWith(String... kinds) throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor");
		for (String kind : kinds) {
			form = HtmlForm.of(press(form, "add:" + kind, 200), "form.article-editor");
		}
		return form.set("categoryId", "1").set("authorId", "1");
	}

	private long articles() {
		return this.context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM article", Long.class);
	}

	@Test
	void everyKindWrittenWithoutJavaScriptReadsRightOnThePageAndInSearchFeedsAndStructuredData() throws Exception {
		HtmlForm form = formWith("HEADING", "QUOTE", "BULLETED_LIST", "NUMBERED_LIST", "SUBHEADING", "EMBED", "RELATED",
				"SEPARATOR")
			.set("headline", "ブロックの種類を試す記事")
			.set("slug", "block-kinds")
			.set("status", "PUBLISHED")
			.set("blocks[0].text", "最初の段落では{拡大抑止|かくだいよくし}を説明する。")
			.set("blocks[1].text", "協議の**要点**")
			.set("blocks[2].text", "抑止は言葉でなく能力で示す。\n\n同盟の信頼が土台だ。")
			.set("blocks[2].source", "[防衛相](https://www.mod.go.jp/ nofollow)")
			.set("blocks[3].text", "核の傘\n  \n*通常戦力*\n情報共有")
			.set("blocks[4].text", "初日\n二日目")
			.set("blocks[5].text", "今後の日程")
			.set("blocks[6].url", "https://www.youtube.com/watch?v=abc123")
			.set("blocks[6].text", "視察の動画")
			.set("blocks[7].url", "http://localhost" + EDD + "?from=card");
		press(form, "save", 302);

		Document page = pages().get("/articles/block-kinds");
		Element body = page.selectFirst(".article-body");
		assertThat(body.select("h2.body-heading").outerHtml()).contains("協議の<strong>要点</strong>");
		assertThat(body.select("h3.body-subheading").text()).isEqualTo("今後の日程");
		assertThat(body.select("figure.quote blockquote p").eachText()).containsExactly("抑止は言葉でなく能力で示す。", "同盟の信頼が土台だ。");
		Element source = body.selectFirst("figure.quote figcaption cite a");
		assertThat(source.attr("href")).isEqualTo("https://www.mod.go.jp/");
		assertThat(source.attr("rel")).isEqualTo("noopener noreferrer nofollow");
		assertThat(body.select("ul.body-list li").eachText()).containsExactly("核の傘", "通常戦力", "情報共有");
		assertThat(body.select("ul.body-list li em").text()).isEqualTo("通常戦力");
		assertThat(body.select("ol.body-list li").eachText()).containsExactly("初日", "二日目");
		Element embed = body.selectFirst("aside.embed-card");
		assertThat(embed.selectFirst(".embed-card-host").text()).isEqualTo("youtube.com");
		assertThat(embed.selectFirst("a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=abc123");
		assertThat(embed.selectFirst("a").text()).isEqualTo("視察の動画");
		// nothing is loaded from the embedded site until the reader follows the link
		assertThat(page.select("iframe, script[src*=youtube], img[src*=youtube]")).isEmpty();
		Element related = body.selectFirst("aside.related-card a");
		assertThat(related.attr("href")).isEqualTo(EDD);
		assertThat(related.text()).contains("バークスデール");
		assertThat(body.select("hr.body-separator")).hasSize(1);
		assertThat(body.selectFirst("ruby rt").text()).isEqualTo("かくだいよくし");

		String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(jsonLd).contains("\"articleBody\"", "抑止は言葉でなく能力で示す。", "核の傘", "通常戦力", "視察の動画");
		assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("最初の段落では拡大抑止を説明する。");
		assertThat(pages().get("/feed.atom").outerHtml()).contains("最初の段落では拡大抑止を説明する。");
		for (String words : new String[] { "通常戦力", "同盟の信頼", "防衛相", "視察の動画", "二日目" }) {
			assertThat(pages().get("/search?q=" + words).select(".search-results .summary-headline").eachAttr("href"))
				.as(words)
				.contains("/articles/block-kinds");
		}

		// the editor shows every block as it was written, for both editors
		HtmlForm reopened = HtmlForm.of(pages().get(editPath("block-kinds")), "form.article-editor");
		assertThat(reopened.get("blocks[2].kind")).isEqualTo("QUOTE");
		assertThat(reopened.get("blocks[2].text")).isEqualTo("抑止は言葉でなく能力で示す。\n同盟の信頼が土台だ。");
		assertThat(reopened.get("blocks[3].text")).isEqualTo("核の傘\n*通常戦力*\n情報共有");
		assertThat(reopened.get("blocks[7].url")).isEqualTo(EDD);
		Document source2 = pages().get(editPath("block-kinds"));
		Element template = source2.selectFirst("template#body-source");
		assertThat(template.select("h2, h3, blockquote p[data-quote-source], ul li, ol li, hr")).hasSize(9);
		assertThat(template.selectFirst("div[data-related-path]").attr("data-related-headline")).contains("バークスデール");
		assertThat(template.selectFirst("div[data-embed-url]").attr("data-embed-title")).isEqualTo("視察の動画");
	}

	@Test
	void aRelatedCardFollowsItsArticleAndIsLeftOutWhileThatIsNotVisible() throws Exception {
		HtmlForm form = formWith("RELATED").set("headline", "関連記事カードの記事")
			.set("slug", "related-card")
			.set("status", "PUBLISHED")
			.set("blocks[0].text", "本文。")
			.set("blocks[1].url", "target-article");
		HtmlForm target = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("headline", "カードの行き先")
			.set("slug", "target-article")
			.set("status", "PUBLISHED")
			.set("blocks[0].text", "行き先の本文。");
		press(target, "save", 302);
		press(form, "save", 302);
		assertThat(pages().get("/articles/related-card").select("aside.related-card a").attr("href"))
			.isEqualTo("/articles/target-article");

		HtmlForm renamed = HtmlForm.of(pages().get(editPath("target-article")), "form.article-editor")
			.set("slug", "target-renamed");
		press(renamed, "save", 302);
		assertThat(pages().get("/articles/related-card").select("aside.related-card a").attr("href"))
			.isEqualTo("/articles/target-renamed");

		HtmlForm drafted = HtmlForm.of(pages().get(editPath("target-renamed")), "form.article-editor")
			.set("status", "DRAFT");
		press(drafted, "save", 302);
		assertThat(pages().get("/articles/related-card").select("aside.related-card")).isEmpty();
	}

	@Test
	void hostileInputInEveryFieldIsRefusedWithItsReasonOrShownAsText() throws Exception {
		long before = articles();
		HtmlForm form = formWith("HEADING", "QUOTE", "BULLETED_LIST", "EMBED", "RELATED").set("headline", "危険な入力")
			.set("blocks[0].text", "本文。")
			.set("blocks[1].text", "<img src=x onerror=alert(1)>")
			.set("blocks[2].text", "<script>alert(1)</script>")
			.set("blocks[2].source", "[出典](javascript:alert(1))")
			.set("blocks[3].text", "[項目](data:text/html,x)")
			.set("blocks[4].url", "javascript:alert(1)")
			.set("blocks[5].url", "/articles/no-such-article");
		Document refused = press(form, "save", 200);
		assertThat(refused.getElementById("blocks[2].source-error").text())
			.startsWith("リンク先「javascript:alert(1」は使えません。");
		assertThat(refused.getElementById("blocks[3].text-error").text()).startsWith("リンク先「data:text/html,x」は使えません。");
		assertThat(refused.getElementById("blocks[4].url-error").text())
			.isEqualTo("埋め込むページのアドレスは https:// か http:// で始まるものにしてください。");
		assertThat(refused.getElementById("blocks[5].url-error").text())
			.isEqualTo("「/articles/no-such-article」の記事が見つかりません。記事のアドレス(/articles/…)かスラッグを入力してください。");
		assertThat(articles()).isEqualTo(before);
		// what was typed comes back as typed, and the script editor's copy is inert
		HtmlForm again = HtmlForm.of(refused, "form.article-editor");
		assertThat(again.get("blocks[4].url")).isEqualTo("javascript:alert(1)");
		assertThat(
				refused.selectFirst("template#body-source").select("script, img, a[href^=javascript], a[href^=data]"))
			.isEmpty();
		assertThat(refused.selectFirst("template#body-source h2").text()).isEqualTo("<img src=x onerror=alert(1)>");

		HtmlForm fixed = again.set("blocks[2].source", "出典")
			.set("blocks[3].text", "項目")
			.set("blocks[4].url", "https://example.com/post/1")
			.set("blocks[5].url", EDD)
			.set("status", "PUBLISHED")
			.set("slug", "hostile-blocks");
		press(fixed, "save", 302);
		Element body = pages().get("/articles/hostile-blocks").selectFirst(".article-body");
		assertThat(body.select("script, img, iframe")).isEmpty();
		assertThat(body.selectFirst("h2").text()).isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(body.selectFirst("blockquote p").text()).isEqualTo("<script>alert(1)</script>");
	}

	private String editPath(String slug) throws Exception {
		Long id = this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, slug);
		return "/admin/articles/" + id + "/edit";
	}

}
