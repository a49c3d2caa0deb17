package dev.shimbun.article;

import java.util.Random;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inline markup of paragraphs: what it makes of editors' text, hostile text included.
 */
class InlineMarkupTests {

	@Test
	void plainJapaneseTextIsTextAndEscaped() {
		String text = "日米両政府は、米ルイジアナ州のバークスデール空軍基地で「拡大抑止協議」を開いた。A&B <i>";
		assertThat(InlineMarkup.html(text)).isEqualTo("日米両政府は、米ルイジアナ州のバークスデール空軍基地で「拡大抑止協議」を開いた。A&amp;B &lt;i&gt;");
		assertThat(InlineMarkup.plainText(text)).isEqualTo(text);
	}

	@Test
	void strongEmphasisLinksAndRuby() {
		assertThat(InlineMarkup.html("**核**の*傘*")).isEqualTo("<strong>核</strong>の<em>傘</em>");
		assertThat(InlineMarkup.html("[防衛省](https://www.mod.go.jp/)の発表"))
			.isEqualTo("<a href=\"https://www.mod.go.jp/\" rel=\"noopener noreferrer\">防衛省</a>の発表");
		assertThat(InlineMarkup.html("[関連記事](/articles/b-52)")).isEqualTo("<a href=\"/articles/b-52\">関連記事</a>");
		assertThat(InlineMarkup.html("{抑止|よくし}力")).isEqualTo("<ruby>抑止<rp>(</rp><rt>よくし</rt><rp>)</rp></ruby>力");
		assertThat(InlineMarkup.html("[**太字の**リンク](https://example.jp/)"))
			.isEqualTo("<a href=\"https://example.jp/\" rel=\"noopener noreferrer\"><strong>太字の</strong>リンク</a>");
		assertThat(InlineMarkup.plainText("**核**の[*傘*](https://example.jp/)と{抑止|よくし}")).isEqualTo("核の傘と抑止");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*閉じない強調", "**閉じない", "[閉じない", "[文字](https://a.jp", "{ルビ|", "{|よみ}", "{漢字}", "a * b",
			"[文字] (https://a.jp)", "***", "[](https://a.jp)" })
	void markersThatAreNotClosedAreText(String source) {
		assertThat(InlineMarkup.html(source)).doesNotContain("<a", "<strong", "<em", "<ruby");
		assertThat(InlineMarkup.plainText(source)).isEqualTo(source);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
			"java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.example/",
			"/\\evil.example/", "https://", "mailto:", "https://a.jp/\"onmouseover=\"alert(1)", "file:///etc/passwd",
			"&#106;avascript:alert(1)", "https://a.jp/ x" })
	void linksToAnythingButTheWebMailOrTheSiteKeepOnlyTheirWords(String href) {
		String html = InlineMarkup.html("[押して](" + href + ")");
		assertThat(html).doesNotContain("<a", "href");
		assertThat(html).startsWith("押して");
	}

	static Stream<String> hostile() {
		return Stream.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "**<b onclick=x>太字</b>**",
				"{<script>|よみ}", "{漢字|<img src=x onerror=alert(1)>}", "[<svg onload=alert(1)>](https://a.jp/)",
				"\"><iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;");
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void htmlTypedByAnEditorIsShownAsText(String source) {
		Element body = Jsoup.parseBodyFragment(InlineMarkup.html(source)).body();
		for (Element element : body.select("body *")) {
			assertThat(element.tagName()).isIn("strong", "em", "a", "ruby", "rt", "rp");
			for (Attribute attribute : element.attributes()) {
				assertThat(element.tagName() + " " + attribute.getKey()).isIn("a href", "a rel");
			}
		}
		body.select("a").forEach((link) -> assertThat(link.attr("href")).startsWith("https://a.jp/"));
		body.select("rp, rt").remove();
		assertThat(body.text()).isEqualTo(InlineMarkup.plainText(source));
	}

	@Test
	void aLinkMayBeMarkedNofollowOrSponsoredAndNothingElse() {
		assertThat(InlineMarkup.html("[広告](https://ad.example/ sponsored)"))
			.isEqualTo("<a href=\"https://ad.example/\" rel=\"noopener noreferrer sponsored\">広告</a>");
		assertThat(InlineMarkup.html("[両方](https://x.example/ nofollow sponsored)"))
			.isEqualTo("<a href=\"https://x.example/\" rel=\"noopener noreferrer nofollow sponsored\">両方</a>");
		assertThat(InlineMarkup.html("[内部](/articles/a nofollow)"))
			.isEqualTo("<a href=\"/articles/a\" rel=\"nofollow\">内部</a>");
		for (String bad : new String[] { "[x](https://a.example/ onclick=alert(1))",
				"[x](https://a.example/ nofollow nofollow)", "[x](https://a.example/  nofollow)",
				"[x](https://a.example/ \"nofollow)" }) {
			assertThat(InlineMarkup.html(bad)).as(bad).doesNotContain("<a").doesNotContain("onclick=\"");
			assertThat(InlineMarkup.rejectedLinks(bad)).as(bad).isNotEmpty();
		}
	}

	@Test
	void strongAroundEmphasisClosesInTheRightOrder() {
		assertThat(InlineMarkup.html("***両方***")).isEqualTo("<strong><em>両方</em></strong>");
		assertThat(InlineMarkup.html("*斜体***太字**")).isEqualTo("<em>斜体</em><strong>太字</strong>");
	}

	@Test
	void aBackslashMakesAMarkerText() {
		assertThat(InlineMarkup.html("\\*星\\* \\[括弧\\](x) \\{a\\|b\\} \\\\")).isEqualTo("*星* [括弧](x) {a|b} \\");
	}

	/**
	 * Escaped text reads back as itself: what the migration does to the paragraphs
	 * written before there was markup. Fixed seeds, so that a failure is the same on
	 * every run.
	 */
	@Test
	void escapedTextReadsBackAsItself() {
		String alphabet = "ab漢字かな *[](){}|\\!<>&\"'/:.";
		for (long seed = 0; seed < 2000; seed++) {
			Random random = new Random(seed);
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String escaped = InlineMarkup.escape(text.toString());
			assertThat(InlineMarkup.plainText(escaped)).as("seed %d", seed).isEqualTo(text.toString());
			assertThat(InlineMarkup.parse(escaped)).as("seed %d", seed)
				.allMatch((node) -> node instanceof InlineMarkup.Text);
		}
	}

}
