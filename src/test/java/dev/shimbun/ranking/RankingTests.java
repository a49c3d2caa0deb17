package dev.shimbun.ranking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.shimbun.MutableClock;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Rankings computed from generated reads, with a clock the test moves. */
@SiteTest
@OwnContext
@DirtiesContext
class RankingTests {

	private static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");

	@Autowired
	private RankingService rankings;

	@Autowired
	private AlsoReadService alsoRead;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void noReadsYet() {
		this.jdbc.update("DELETE FROM article_view_hour");
		this.jdbc.update("DELETE FROM reader_read");
		this.jdbc.update("UPDATE curated_list SET list_mode = 'CURATED'");
	}

	private void views(String slug, Duration ago, long views) {
		Instant hour = this.clock.instant().minus(ago).truncatedTo(ChronoUnit.HOURS);
		this.jdbc.update("""
				INSERT INTO article_view_hour (article_id, hour_start, views)
				SELECT id, ?, ? FROM article WHERE slug = ?
				""", hour.atOffset(ZoneOffset.UTC), views, slug);
	}

	private void read(String reader, String slug) {
		this.jdbc.update(
				"INSERT INTO reader_read (reader_hash, read_day, article_id) SELECT ?, ?, id FROM article WHERE slug = ?",
				reader, this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), slug);
	}

	private List<String> slugs(List<RankedArticle> articles) {
		return articles.stream().map(RankedArticle::slug).toList();
	}

	@Test
	void theSiteRankingOrdersByViewsInTheLast24Hours() {
		views("why-we-yawn", Duration.ofHours(1), 50);
		views("newjeans-ador-lawsuit", Duration.ofHours(2), 80);
		views("bride-wedding-dress-tragedy", Duration.ofHours(3), 20);
		views("us-russia-nuclear-display", Duration.ofHours(23), 30);
		views("why-we-yawn", Duration.ofHours(5), 40);
		views("stray-dog-old-friendship", Duration.ofHours(4), 10);
		views("boys-help-stray-dog", Duration.ofHours(6), 5);
		// older than a day: counts only for the week
		views("infected-lab-monkeys-escape", Duration.ofHours(30), 1000);
		this.rankings.recompute();
		assertThat(slugs(this.rankings.topOfDay())).containsExactly("why-we-yawn", "newjeans-ador-lawsuit",
				"us-russia-nuclear-display", "bride-wedding-dress-tragedy", "stray-dog-old-friendship",
				"boys-help-stray-dog");
		assertThat(slugs(this.rankings.topOfWeek()).get(0)).isEqualTo("infected-lab-monkeys-escape");
	}

	@Test
	void aRecomputeIsAnnouncedOnlyWhenAListChanged() {
		views("why-we-yawn", Duration.ofHours(1), 50);
		views("newjeans-ador-lawsuit", Duration.ofHours(2), 80);
		this.rankings.recompute();
		int announced = announcements();
		// more reads, the same order: pages would not change
		views("newjeans-ador-lawsuit", Duration.ofHours(1), 5);
		this.rankings.recompute();
		assertThat(announcements()).isEqualTo(announced);
		// another order
		views("why-we-yawn", Duration.ofHours(3), 100);
		this.rankings.recompute();
		assertThat(announcements()).isEqualTo(announced + 1);
		assertThat(slugs(this.rankings.topOfDay())).startsWith("why-we-yawn", "newjeans-ador-lawsuit");
	}

	private int announcements() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM cluster_event WHERE topic = 'RANKINGS'", Integer.class);
	}

	@Test
	void tooFewReadsInADayFallBackToTheWeek() {
		views("why-we-yawn", Duration.ofHours(1), 5);
		views("newjeans-ador-lawsuit", Duration.ofDays(3), 80);
		views("bride-wedding-dress-tragedy", Duration.ofDays(6), 20);
		views("us-russia-nuclear-display", Duration.ofDays(8), 500);
		this.rankings.recompute();
		assertThat(slugs(this.rankings.topOfDay())).containsExactly("why-we-yawn", "newjeans-ador-lawsuit",
				"bride-wedding-dress-tragedy");
	}

	@Test
	void eachCategoryHasItsOwnRanking() {
		views("north-korea-coup-impossible", Duration.ofHours(1), 9);
		views("pig-kidney-transplant-ucla", Duration.ofHours(1), 12);
		views("why-we-yawn", Duration.ofHours(1), 100);
		this.rankings.recompute();
		Long news = this.jdbc.queryForObject("SELECT id FROM category WHERE slug = 'news'", Long.class);
		assertThat(slugs(this.rankings.topInCategory(news))).containsExactly("pig-kidney-transplant-ucla",
				"north-korea-coup-impossible");
	}

	@Test
	void categoryPagesShowTheirRanking() throws Exception {
		views("pig-kidney-transplant-ucla", Duration.ofHours(1), 12);
		views("north-korea-coup-impossible", Duration.ofHours(1), 9);
		this.rankings.recompute();
		Document page = new PageFetcher(this.mvc).get("/categories/news");
		assertThat(page.selectFirst(".category-ranking h2").text()).isEqualTo("[ニュース] よく読まれている記事");
		assertThat(page.select(".category-ranking a").eachAttr("href"))
			.containsExactly("/articles/pig-kidney-transplant-ucla", "/articles/north-korea-coup-impossible");
	}

	@Test
	void unpublishedArticlesAreNeverRanked() {
		views("why-we-yawn", Duration.ofHours(1), 100);
		views("newjeans-ador-lawsuit", Duration.ofHours(1), 10);
		this.jdbc.update("UPDATE article SET status = 'UNPUBLISHED' WHERE slug = 'why-we-yawn'");
		try {
			this.rankings.recompute();
			assertThat(slugs(this.rankings.topOfDay())).containsExactly("newjeans-ador-lawsuit");
		}
		finally {
			this.jdbc.update("UPDATE article SET status = 'PUBLISHED' WHERE slug = 'why-we-yawn'");
		}
	}

	@Test
	void alsoReadComesFromCoReadsNeverSelfNorUnpublished() {
		for (String reader : List.of("r1", "r2", "r3")) {
			read(reader, "why-we-yawn");
			read(reader, "newjeans-ador-lawsuit");
		}
		read("r1", "bride-wedding-dress-tragedy");
		read("r2", "iran-missile-fuel-smuggling");
		read("r2", "bride-wedding-dress-tragedy");
		this.jdbc.update("UPDATE article SET status = 'DRAFT' WHERE slug = 'iran-missile-fuel-smuggling'");
		try {
			this.rankings.recompute();
			Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'why-we-yawn'", Long.class);
			List<String> also = slugs(this.alsoRead.alsoRead(id, 8));
			assertThat(also.subList(0, 2)).containsExactly("newjeans-ador-lawsuit", "bride-wedding-dress-tragedy");
			assertThat(also).doesNotContain("why-we-yawn", "iran-missile-fuel-smuggling").hasSize(8);
		}
		finally {
			this.jdbc.update("UPDATE article SET status = 'PUBLISHED' WHERE slug = 'iran-missile-fuel-smuggling'");
		}
	}

	@Test
	void alsoReadFallsBackToTheSameCategoryAndSharedHeadlineTerms() {
		// a copy of the headline in another category: the most shared terms, but not
		// the same category
		this.jdbc.update("""
				INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
				SELECT ?, headline, (SELECT id FROM category WHERE slug = 'news'), author_id, status, published_at,
					updated_at
				FROM article WHERE slug = ?
				""", "lamborghini-manifesto-elsewhere", "lamborghini-manifesto-design");
		try {
			Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'lamborghini-manifesto-design'",
					Long.class);
			this.rankings.recompute();
			List<String> also = slugs(this.alsoRead.alsoRead(id, 4));
			assertThat(also.get(0)).as("the same category, and shares ランボルギーニ").isEqualTo("lamborghini-lounge-tokyo");
			assertThat(also.subList(1, 3)).as("the rest of the same category")
				.containsExactlyInAnyOrder("subaru-brz-2026", "audi-bayern-rs-etron-gt");
			assertThat(also.get(3)).as("then the most shared terms").isEqualTo("lamborghini-manifesto-elsewhere");
		}
		finally {
			this.jdbc.update("DELETE FROM article WHERE slug = 'lamborghini-manifesto-elsewhere'");
		}
	}

	@Test
	void listsFollowTheirModeAndSwitchAtOnce() throws Exception {
		views("why-we-yawn", Duration.ofHours(1), 100);
		views("pig-kidney-transplant-ucla", Duration.ofHours(1), 50);
		views("iran-missile-fuel-smuggling", Duration.ofHours(1), 40);
		this.rankings.recompute();
		PageFetcher pages = new PageFetcher(this.mvc);
		Document curated = pages.get("/");
		assertThat(curated.select("#sidebar-ranking a").first().text()).startsWith("「北朝鮮は絶対崩れないのか?」");
		switchMode("ranking", ListMode.COMPUTED);
		switchMode("trending", ListMode.COMPUTED);
		Document computed = pages.get("/");
		assertThat(computed.select("#sidebar-ranking a").eachAttr("href"))
			.containsExactly("/articles/pig-kidney-transplant-ucla", "/articles/iran-missile-fuel-smuggling");
		assertThat(computed.select("#sidebar-trending li").first().text()).contains("あくび", "おもしろ");
		switchMode("ranking", ListMode.PINNED);
		Document pinned = pages.get("/");
		List<String> hrefs = pinned.select("#sidebar-ranking a").eachAttr("href");
		assertThat(hrefs.get(0)).isEqualTo("/articles/north-korea-coup-impossible");
		assertThat(hrefs).hasSize(6).doesNotHaveDuplicates();
	}

	/** Switches a list's mode as an editor does, on its edit page. */
	private void switchMode(String key, ListMode mode) throws Exception {
		Long id = this.jdbc.queryForObject("SELECT id FROM curated_list WHERE list_key = ?", Long.class, key);
		String edit = this.mvc.perform(get("/admin/lists/{id}/edit", id).with(EDITOR))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		this.mvc
			.perform(HtmlForm.of(Jsoup.parse(edit), "#list-form")
				.set("mode", mode.name())
				.submit("action", "save")
				.with(EDITOR))
			.andExpect(redirectedUrl("/admin/lists"));
	}

	@Test
	void theHeadlineTermsOfJapaneseTextAreBigrams() {
		assertThat(AlsoReadService.bigrams("核兵器 B-52")).contains("核兵", "兵器", "B5", "52");
	}

}
