package dev.shimbun.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.shimbun.MutableClock;
import dev.shimbun.SeedSource;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.support.Articles;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Site search over the seeded articles: Japanese words of two letters, headlines, bodies,
 * highlights, pagination, and queries that must give an empty page rather than an error.
 */
@SiteTest
@OwnContext
class SearchTests {

	static final String EDD = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private final SeedSource source = SeedSource.load();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ArticleAdminService editor;

	private Document search(String query) throws Exception {
		return search(query, null);
	}

	private Document search(String query, String page) throws Exception {
		MockHttpServletRequestBuilder request = get("/search").param("q", query).accept(MediaType.TEXT_HTML);
		if (page != null) {
			request.param("page", page);
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html, "http://localhost");
	}

	private static java.util.List<String> found(Document page) {
		return page.select(".search-results .summary-headline").eachAttr("href");
	}

	@Test
	void searchWhenTwoLetterJapaneseWordThenFindsTheEddArticleWithTheMatchMarked() throws Exception {
		Document page = search("核兵");
		assertThat(found(page)).containsExactly(EDD);
		assertThat(page.select(".search-snippet mark").eachText()).containsExactly("核兵");
		assertThat(page.selectFirst(".search-snippet").text()).contains("核兵器");
	}

	@Test
	void searchWhenFullHeadlineThenFindsTheEddArticleWithTheHeadlineMarked() throws Exception {
		Document page = search(this.source.headline());
		assertThat(found(page)).containsExactly(EDD);
		assertThat(page.selectFirst(".summary-headline mark").text()).isEqualTo(this.source.headline());
	}

	@Test
	void searchWhenWordFromABodyParagraphThenFindsTheEddArticle() throws Exception {
		String paragraph = this.source.paragraphs().get(3);
		String word = paragraph.substring(0, 8);
		assertThat(found(search(word))).contains(EDD);
	}

	@Test
	void searchWhenQueryHasMarkupThenItIsEscaped() throws Exception {
		String html = this.mvc.perform(get("/search").param("q", "<script>alert(1)</script>核兵"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void searchWhenQueryBlankOrTooLongThenEmptyPageWithNotice() throws Exception {
		for (String query : new String[] { "", "   ", "核".repeat(500) }) {
			Document page = search(query);
			assertThat(found(page)).isEmpty();
			assertThat(page.selectFirst(".search-notice").text()).isNotBlank();
		}
		Document missing = new PageFetcher(this.mvc).get("/search");
		assertThat(missing.selectFirst(".search-notice")).isNotNull();
		Document symbols = search("!!!");
		assertThat(found(symbols)).isEmpty();
		assertThat(symbols.selectFirst(".search-empty")).isNotNull();
	}

	@Test
	void searchWhenQueryHasCharactersThatNormaliseToOtherLengthsThenResultsAreMarked() throws Exception {
		// none of them normalises to a letter, so that the article still matches
		String[] odd = { "\u00A0", "\u00A8", "\u202F", "\u3000", "\u2026", "\u2025", "\u0301", "\uFEFF", "\u200B",
				"\uD800", "\uDC00", "\uD83D\uDE00", "\u1FED", "\u02DD", " " };
		java.util.Random random = new java.util.Random(55L);
		for (int i = 0; i < 60; i++) {
			String before = odd[random.nextInt(odd.length)];
			String after = odd[random.nextInt(odd.length)];
			String query = switch (i % 3) {
				case 0 -> before + "核兵";
				case 1 -> before + "核兵" + after;
				default -> "核兵 " + before + after;
			};
			Document page = search(query);
			assertThat(page.select(".search-snippet mark").eachText()).as(query).contains("核兵");
		}
	}

	@Test
	void searchWhenArticleIsADraftThenItIsNotFound() throws Exception {
		Long id = Articles.draft()
			.slug("search-draft")
			.headline("極秘草稿の見出し")
			.publishedAt(this.clock.instant().minus(Duration.ofHours(1)))
			.save(this.context);
		assertThat(found(search("極秘草稿"))).isEmpty();
		// published behind the editor's back, so not indexed again: what readers may see
		// is decided when they search
		this.jdbc.update("UPDATE article SET status = 'PUBLISHED' WHERE id = ?", id);
		assertThat(found(search("極秘草稿"))).containsExactly("/articles/search-draft");
	}

	@Test
	void searchWhenMatchesAreNotVisibleThenTheyAreNeitherListedNorCounted() throws Exception {
		Articles.published().slug("search-unadon-1").headline("鰻丼 Z 定食の話").save(this.context);
		Articles.published().slug("search-unadon-2").headline("鰻丼 Z 定食の旅").save(this.context);
		Articles.draft().slug("search-unadon-draft").headline("鰻丼 Z 定食の草稿").save(this.context);
		Articles.scheduledFor(this.clock.instant().plus(Duration.ofDays(1)))
			.slug("search-unadon-later")
			.headline("鰻丼 Z 定食の予告")
			.save(this.context);
		Articles.unpublished().slug("search-unadon-down").headline("鰻丼 Z 定食の撤回").save(this.context);
		Long expired = Articles.published().slug("search-unadon-expired").headline("鰻丼 Z 定食の期限").save(this.context);
		// its unpublish time passed without anyone saving it again
		this.jdbc.update("UPDATE article SET unpublish_at = ? WHERE id = ?",
				java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(1))), expired);
		// pairs only, and pairs with a one-letter word
		for (String query : new String[] { "鰻丼", "鰻丼 z" }) {
			Document page = search(query);
			assertThat(found(page)).as(query)
				.containsExactlyInAnyOrder("/articles/search-unadon-1", "/articles/search-unadon-2");
			assertThat(page.selectFirst(".search-count").text()).as(query).contains(" 2件");
		}
	}

	@Test
	void searchWhenOneLetterThenExactlyTheArticlesWithAWordStartingWithIt() throws Exception {
		// letters next to each other in code-point order, a lone letter, and a letter
		// outside
		// the Basic Multilingual Plane (𠮷 U+20BB7, 𠮸 U+20BB8)
		Articles.published().slug("search-letter-y").headline("茶碗 Y型の話").save(this.context);
		Articles.published().slug("search-letter-z").headline("茶碗 Z型の話").save(this.context);
		Articles.published().slug("search-letter-lone-y").headline("茶碗 y の話").save(this.context);
		Articles.published().slug("search-letter-yoshi").headline("茶碗 \uD842\uDFB7野家の話").save(this.context);
		Articles.published().slug("search-letter-yoshi-next").headline("茶碗 \uD842\uDFB8野家の話").save(this.context);
		assertThat(found(search("茶碗 y"))).containsExactlyInAnyOrder("/articles/search-letter-y",
				"/articles/search-letter-lone-y");
		assertThat(found(search("茶碗 Z"))).containsExactly("/articles/search-letter-z");
		assertThat(found(search("茶碗 \uD842\uDFB7"))).containsExactly("/articles/search-letter-yoshi");
	}

	@Test
	void searchWhenManyMatchesThenPagesOfTwenty() throws Exception {
		for (int i = 1; i <= 25; i++) {
			Articles.published().slug("search-yokan-" + i).headline("羊羹の話 その" + i).save(this.context);
		}
		Document first = search("羊羹");
		assertThat(found(first)).hasSize(20);
		assertThat(first.selectFirst(".search-count").text()).contains("25件");
		assertThat(first.selectFirst(".pagination a[rel=next]").attr("href"))
			.isEqualTo("/search?q=" + URLEncoder.encode("羊羹", StandardCharsets.UTF_8) + "&page=2");
		assertThat(first.select(".pagination a[aria-current=page]").text()).isEqualTo("1");
		Document second = search("羊羹", "2");
		assertThat(found(second)).hasSize(5);
		assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).endsWith("&page=1");
		assertThat(second.select(".pagination a[rel=next]")).isEmpty();
		// past the last page, the last page
		assertThat(found(search("羊羹", "9"))).hasSize(5);
		assertThat(found(search("羊羹", "x"))).hasSize(20);
	}

	@Test
	void searchWhenManyMatchesAreOlderThanManyOtherArticlesThenTheFirstPageIsStillTheNewestMatches() throws Exception {
		for (int i = 1; i <= 21; i++) {
			Articles.published()
				.slug("search-kanten-" + i)
				.headline("寒天の話 その" + i)
				.publishedAt(this.clock.instant().minus(Duration.ofDays(30 - i)))
				.save(this.context);
		}
		// newer than all of them, and more than the first page looks at among the newest
		this.jdbc.update("""
				INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
				SELECT 'search-filler-' || s.x, '別の話題', (SELECT MIN(id) FROM category), (SELECT MIN(id) FROM author),
					'PUBLISHED', ?, ?
				FROM generate_series(1, 400) AS s(x)""", java.sql.Timestamp.from(this.clock.instant().minusSeconds(60)),
				java.sql.Timestamp.from(this.clock.instant()));
		Document first = search("寒天");
		assertThat(first.selectFirst(".search-count").text()).contains(" 21件");
		java.util.List<String> expected = new java.util.ArrayList<>();
		for (int i = 21; i >= 2; i--) {
			expected.add("/articles/search-kanten-" + i);
		}
		assertThat(found(first)).containsExactlyElementsOf(expected);
		assertThat(found(search("寒天", "2"))).containsExactly("/articles/search-kanten-1");
	}

	@Test
	@WithMockUser(username = "editor", roles = "EDITOR")
	void searchWhenHeadlineEditedThenTheNewWordsAreFound() throws Exception {
		Long id = Articles.published().slug("search-zoo").headline("動物園に新しい仲間").save(this.context);
		assertThat(found(search("海獺研究"))).isEmpty();
		ArticleForm form = this.editor.form(id);
		form.setHeadline("海獺研究の新展開");
		this.editor.update(id, form);
		Document page = search("海獺研究");
		assertThat(found(page)).containsExactly("/articles/search-zoo");
		assertThat(page.selectFirst(".summary-headline mark").text()).isEqualTo("海獺研究");
	}

	@Test
	void articlesWithoutGramsAreIndexedAtStartUpAndTheOthersLeftAlone() throws Exception {
		// (other tests of this class insert articles with SQL alone)
		this.context.getBean(SearchIndexer.class).indexMissing();
		// as after a bulk load or a restore of rows without their grams
		Long first = Articles.published().slug("search-kappa-1").headline("河童伝説の里").save(this.context);
		Long second = Articles.published().slug("search-kappa-2").headline("河童伝説を歩く").save(this.context);
		this.jdbc.update("DELETE FROM article_search_gram WHERE article_id IN (?, ?)", first, second);
		Long seedGrams = this.jdbc.queryForObject("SELECT COUNT(*) FROM article_search_gram", Long.class);
		assertThat(found(search("河童伝説"))).isEmpty();

		assertThat(this.context.getBean(SearchIndexer.class).indexMissing()).isEqualTo(2);

		assertThat(found(search("河童伝説"))).containsExactlyInAnyOrder("/articles/search-kappa-1",
				"/articles/search-kappa-2");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM article_search_gram WHERE article_id NOT IN (?, ?)",
				Long.class, first, second))
			.isEqualTo(seedGrams);
		assertThat(this.context.getBean(SearchIndexer.class).indexMissing()).isZero();
	}

	@Test
	void searchPageIsNotIndexed() throws Exception {
		this.mvc.perform(get("/search").param("q", "核兵"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", "noindex"));
		assertThat(search("核兵").selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
	}

	@Test
	void everyPageHasTheSearchFormInItsHeader() throws Exception {
		Document page = new PageFetcher(this.mvc).get(EDD);
		assertThat(page.select("header form[role=search][action=/search] input[name=q]")).hasSize(1);
		String id = page.selectFirst("header form[role=search] input").id();
		assertThat(page.select("header label[for=" + id + "]")).hasSize(1);
	}

}
