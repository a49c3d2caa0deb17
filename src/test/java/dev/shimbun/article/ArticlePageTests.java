package dev.shimbun.article;

import java.util.List;

import dev.shimbun.SeedSource;
import dev.shimbun.support.SeedSiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EDD article page, rendered from the seeded database, compared with the source page.
 */
@SeedSiteTest
@TestPropertySource(properties = "shimbun.site.base-url=https://news.example.jp")
class ArticlePageTests {

	static final String PATH = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private final SeedSource source = SeedSource.load();

	@Autowired
	private MockMvc mvc;

	private Document page;

	@BeforeEach
	void load() throws Exception {
		this.page = new PageFetcher(this.mvc).get(PATH);
	}

	@Test
	void showsTheHeadlineAsTheOnlyH1() {
		assertThat(this.page.select("h1")).hasSize(1);
		assertThat(this.page.selectFirst("h1").text()).isEqualTo(this.source.headline());
		assertThat(this.page.selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(this.page.charset().name()).isEqualTo("UTF-8");
	}

	@Test
	void showsTheBylineWithAuthorDateAndViews() {
		Element byline = this.page.selectFirst(".byline");
		assertThat(byline.selectFirst(".byline-author").text()).isEqualTo("梶原圭介");
		Element time = byline.selectFirst("time");
		assertThat(time.attr("datetime")).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(time.text()).isEqualTo("2025年6月10日 09:00");
		assertThat(byline.selectFirst(".byline-views").text()).isEqualTo("アクセス 0");
	}

	@Test
	void showsTheNineParagraphsInOrder() {
		List<String> paragraphs = this.page.select(".article-body > p").eachText();
		assertThat(paragraphs).containsExactlyElementsOf(this.source.paragraphs());
	}

	@Test
	void showsSixFiguresWithCaptionCreditAndAltText() {
		Elements figures = this.page.select(".article-body > figure");
		assertThat(figures).hasSize(6);
		assertThat(figures.eachAttr("class")).containsOnly("figure");
		assertThat(figures.select("figcaption").eachText()).containsExactlyElementsOf(this.source.figureCaptions());
		assertThat(figures.select(".figure-credit").eachText()).containsOnly("引用:米国務省軍備管理・国際安全保障担当室");
		for (Element img : figures.select("img")) {
			assertThat(img.attr("alt")).isNotBlank();
			assertThat(img.attr("width")).isEqualTo("1280");
			assertThat(img.attr("height")).isEqualTo("720");
			assertThat(img.attr("src")).matches("/images/seed/edd-\\d-[0-9a-f]{32}\\.jpg");
		}
		// two figures after the byline, four after the body
		List<String> order = this.page.select(".article-body > *").stream().map(Element::tagName).toList();
		assertThat(order).hasSize(15);
		assertThat(order.subList(0, 2)).containsOnly("figure");
		assertThat(order.subList(2, 11)).containsOnly("p");
		assertThat(order.subList(11, 15)).containsOnly("figure");
	}

	@Test
	void signsTheArticleWithAMailtoLink() {
		Element signature = this.page.selectFirst(".article-signature address");
		assertThat(signature.selectFirst(".signature-name").text()).isEqualTo("梶原圭介");
		Element mail = signature.selectFirst("a");
		assertThat(mail.attr("href")).isEqualTo("mailto:" + this.source.authorEmail());
		assertThat(mail.text()).isEqualTo(this.source.authorEmail());
	}

	@Test
	void hasThreeSkipLinksFirstWhosTargetsExist() {
		Elements focusable = this.page.select("a[href], button, input, textarea, select");
		Elements skipLinks = this.page.select(".skip-links a");
		assertThat(skipLinks.eachText()).containsExactlyElementsOf(this.source.skipLinks());
		assertThat(focusable.subList(0, 3)).containsExactlyElementsOf(skipLinks);
		Element top = this.page.getElementById(skipLinks.get(0).attr("href").substring(1));
		Element main = this.page.getElementById(skipLinks.get(1).attr("href").substring(1));
		Element bottom = this.page.getElementById(skipLinks.get(2).attr("href").substring(1));
		assertThat(top.tagName()).isEqualTo("nav");
		assertThat(top.parent().tagName()).isEqualTo("header");
		assertThat(main.tagName()).isEqualTo("main");
		assertThat(bottom.tagName()).isEqualTo("nav");
		assertThat(bottom.parent().tagName()).isEqualTo("footer");
		for (Element target : List.of(top, main, bottom)) {
			assertThat(target.attr("tabindex")).isEqualTo("-1");
		}
		assertThat(top.select("a").eachText()).containsExactly("ホーム", "ニュース", "トレンド", "フォトニュース", "おもしろ", "HYBEアイドル",
				"自動車");
		assertThat(bottom.select("a").eachText()).isEqualTo(top.select("a").eachText());
	}

	@Test
	void showsBreadcrumbs() {
		Elements crumbs = this.page.select("nav.breadcrumbs li");
		assertThat(crumbs.eachText()).containsExactly("ホーム", "ニュース", this.source.headline());
		assertThat(crumbs.get(1).selectFirst("a").attr("href")).isEqualTo("/categories/news");
		assertThat(crumbs.get(2).selectFirst("a").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void showsTheFourListsWithTheirItemsAndLabels() {
		assertAside("sidebar-ranking", "[ニュース] ランキング", "ul");
		assertAside("sidebar-recommended", "おすすめニュース", "ol");
		assertAside("sidebar-trending", "話題", "ol");
		Element alsoRead = this.page.selectFirst("main section.also-read");
		assertThat(alsoRead.selectFirst("h2").text()).isEqualTo("こんな記事も読まれています");
		assertThat(alsoRead.select("li > a").eachText())
			.containsExactlyElementsOf(this.source.listTitles("こんな記事も読まれています"));
	}

	private void assertAside(String id, String heading, String listTag) {
		Element aside = this.page.getElementById(id);
		assertThat(aside.tagName()).isEqualTo("aside");
		Element h2 = aside.selectFirst("h2");
		assertThat(h2.text()).isEqualTo(heading);
		assertThat(aside.attr("aria-labelledby")).isEqualTo(h2.id());
		Elements items = aside.select(listTag + " > li");
		List<SeedSource.Entry> expected = this.source.listEntries(heading);
		assertThat(items.eachText()).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			Element item = items.get(i);
			assertThat(item.selectFirst("a").text()).isEqualTo(expected.get(i).title());
			assertThat(item.selectFirst("a").attr("href")).startsWith("/articles/");
			Element label = item.selectFirst(".label");
			assertThat((label != null) ? label.text() : null).isEqualTo(expected.get(i).label());
			if (listTag.equals("ol")) {
				assertThat(item.selectFirst(".rank").text()).isEqualTo(String.valueOf(i + 1));
			}
		}
	}

	@Test
	void showsTheCommentSectionWithCountAndForm() {
		Element comments = this.page.getElementById("comments");
		assertThat(comments.selectFirst("h2").text()).isEqualTo("コメント0");
		Element form = comments.selectFirst("form");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.attr("action")).isEqualTo(PATH + "/comments");
		Element textarea = form.selectFirst("textarea");
		assertThat(this.page.select("label[for=" + textarea.id() + "]").text()).contains("コメント");
		assertThat(textarea.hasAttr("maxlength")).as("maxlength counts UTF-16 units and would cut emoji").isFalse();
		assertThat(textarea.attr("data-char-limit")).isEqualTo("300");
		assertThat(this.page.getElementById("comment-body-counter").text()).isEqualTo("300");
		assertThat(textarea.attr("aria-describedby")).isEqualTo("comment-body-counter-status");
		assertThat(this.page.getElementById("comment-body-counter-status").text()).isEqualTo("残り300文字");
	}

	@Test
	void headCarriesTitleDescriptionCanonicalAndSocialCards() {
		String url = "https://news.example.jp" + PATH;
		assertThat(this.page.title()).isEqualTo(this.source.headline() + " | Shimbun");
		assertThat(meta("name", "description")).isEqualTo(ArticleService.truncate(this.source.paragraphs().get(0)));
		assertThat(this.page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		assertThat(meta("property", "og:type")).isEqualTo("article");
		assertThat(meta("property", "og:title")).isEqualTo(this.source.headline());
		assertThat(meta("property", "og:url")).isEqualTo(url);
		assertThat(meta("property", "og:image")).isEqualTo("https://news.example.jp/images/seed/edd-1.jpg");
		assertThat(meta("property", "og:locale")).isEqualTo("ja_JP");
		assertThat(meta("property", "article:published_time")).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(meta("name", "twitter:card")).isEqualTo("summary_large_image");
		assertThat(meta("name", "twitter:title")).isEqualTo(this.source.headline());
		assertThat(meta("name", "twitter:image")).isEqualTo("https://news.example.jp/images/seed/edd-1.jpg");
	}

	@Test
	void headCarriesValidNewsArticleJsonLd() {
		Elements scripts = this.page.select("script[type=application/ld+json]");
		assertThat(scripts).hasSize(1);
		JsonNode json = JsonMapper.builder().build().readTree(scripts.get(0).data());
		assertThat(json.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(json.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(json.get("headline").asString()).isEqualTo(this.source.headline());
		assertThat(json.get("datePublished").asString()).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(json.get("dateModified").asString()).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(json.get("mainEntityOfPage").asString()).isEqualTo("https://news.example.jp" + PATH);
		assertThat(json.get("author").get("@type").asString()).isEqualTo("Person");
		assertThat(json.get("author").get("name").asString()).isEqualTo("梶原圭介");
		assertThat(json.get("publisher").get("name").asString()).isEqualTo("Shimbun");
		assertThat(json.get("publisher").get("logo").get("url").asString())
			.isEqualTo("https://news.example.jp/images/logo.png");
		JsonNode images = json.get("image");
		assertThat(images.size()).isEqualTo(6);
		for (JsonNode image : images) {
			assertThat(image.get("@type").asString()).isEqualTo("ImageObject");
			assertThat(image.get("url").asString()).startsWith("https://news.example.jp/images/seed/edd-");
			assertThat(image.get("creditText").asString()).isEqualTo("米国務省軍備管理・国際安全保障担当室");
		}
	}

	@Test
	void pageHasNoInlineScriptOrStyle() {
		for (Element script : this.page.select("script")) {
			assertThat(script.hasAttr("src") || script.attr("type").equals("application/ld+json"))
				.as("inline script: %s", script)
				.isTrue();
		}
		assertThat(this.page.select("style")).isEmpty();
		assertThat(this.page.select("[style]")).isEmpty();
		assertThat(this.page.select("*")
			.stream()
			.flatMap((e) -> e.attributes().asList().stream())
			.filter((a) -> a.getKey().startsWith("on"))).isEmpty();
	}

	@Test
	void shareLinksNeedNoThirdPartyScript() {
		String url = "https://news.example.jp" + PATH;
		List<String> links = this.page.select(".share-links a").eachAttr("href");
		assertThat(links).hasSize(3);
		assertThat(links.get(0)).startsWith("https://x.com/intent/post?text=%E4%B8%AD%E5%9B%BD")
			.endsWith("&url=" + url);
		assertThat(links.get(1)).isEqualTo("https://social-plugins.line.me/lineit/share?url=" + url);
		assertThat(links.get(2)).isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + url);
		assertThat(this.page.select(".share-links a").eachAttr("rel")).containsOnly("noopener noreferrer");
		assertThat(this.page.getElementById("share-url").val()).isEqualTo(url);
		assertThat(this.page.select("script[src]").eachAttr("src")).allMatch((src) -> src.startsWith("/js/"));
		assertThat(this.page.select("iframe")).isEmpty();
	}

	@Test
	void unknownSlugIsNotFound() throws Exception {
		new PageFetcher(this.mvc).get("/articles/no-such-article", 404);
	}

	private String meta(String attribute, String name) {
		Element element = this.page.selectFirst("meta[" + attribute + "=" + name + "]");
		assertThat(element).as("meta %s=%s", attribute, name).isNotNull();
		return element.attr("content");
	}

}
