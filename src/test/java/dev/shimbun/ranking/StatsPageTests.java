package dev.shimbun.ranking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.shimbun.MutableClock;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /admin/stats shows editors each article's views in the last 24 hours, the last 7 days
 * and all time, and one article's views over time as charts and tables. Views are written
 * straight into the hourly table; the clock says 2026-01-15 12:00 in Tokyo (03:00 UTC).
 * The data is this class's own: {@code @OwnContext} gives it its own context and
 * database.
 */
@SiteTest
@OwnContext
@WithMockUser(username = "hanako", roles = "EDITOR")
class StatsPageTests {

	private static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

	private static final String YAWN = "why-we-yawn";

	private static final String BRZ = "subaru-brz-2026";

	private static final String DOG = "dog-reunion-hospital";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ITemplateEngine templates;

	@BeforeEach
	void views() {
		this.clock.set(NOW);
		this.jdbc.update("DELETE FROM article_view_hour");
		this.jdbc.update("UPDATE article SET view_count = 0");
		// 24 hours: 15, 7 days: 115, all time: 1115 (1000 from before the hourly table).
		hour(YAWN, "2026-01-15T03:00:00Z", 5);
		hour(YAWN, "2026-01-14T04:00:00Z", 10);
		hour(YAWN, "2026-01-14T03:00:00Z", 100);
		hour(YAWN, "2026-01-15T04:00:00Z", 999);
		total(YAWN, 1115);
		// 24 hours: 20 (at 05:00 on the 15th in Tokyo), 7 days: 21, all time: 521.
		hour(BRZ, "2026-01-14T20:00:00Z", 20);
		hour(BRZ, "2026-01-08T04:00:00Z", 1);
		hour(BRZ, "2026-01-08T03:00:00Z", 500);
		total(BRZ, 521);
		// 24 hours: 0, 7 days: 50, all time: 50.
		hour(DOG, "2026-01-10T00:00:00Z", 50);
		total(DOG, 50);
	}

	@Test
	void tableShowsViewsIn24HoursSevenDaysAndAllTime() throws Exception {
		Document page = fetcher().get("/admin/stats");
		assertThat(page.select("#stats-table thead th").eachText()).containsExactly("見出し", "24時間(多い順)", "7日間", "累計");
		assertThat(page.selectFirst("#stats-table thead th[aria-sort]").text()).startsWith("24時間");
		assertThat(numbers(page, YAWN)).containsExactly("15", "115", "1,115");
		assertThat(numbers(page, BRZ)).containsExactly("20", "21", "521");
		assertThat(numbers(page, DOG)).containsExactly("0", "50", "50");
		assertThat(page.selectFirst("main p").text()).contains("2026年1月15日 12時00分");
		assertThat(page.select("#admin-menu a").eachText()).containsSubsequence("リスト", "統計");
	}

	@Test
	void tableIsSortedByTheChosenWindow() throws Exception {
		assertThat(firstRows("/admin/stats")).containsExactly(id(BRZ), id(YAWN), id(DOG));
		assertThat(firstRows("/admin/stats?sort=24h")).containsExactly(id(BRZ), id(YAWN), id(DOG));
		assertThat(firstRows("/admin/stats?sort=7d")).containsExactly(id(YAWN), id(DOG), id(BRZ));
		assertThat(firstRows("/admin/stats?sort=all")).containsExactly(id(YAWN), id(BRZ), id(DOG));
		assertThat(firstRows("/admin/stats?sort=nonsense")).containsExactly(id(BRZ), id(YAWN), id(DOG));

		Document page = fetcher().get("/admin/stats?sort=7d");
		assertThat(page.selectFirst("#sort option[selected]").val()).isEqualTo("7d");
		assertThat(page.selectFirst("#stats-table thead th[aria-sort=descending]").text()).startsWith("7日間");
		assertThat(page.selectFirst("#stats-table caption").text()).contains("7日間の閲覧数が多い順");
	}

	@Test
	void headlineFilterAndPagesOfFifty() throws Exception {
		Document page = fetcher().get("/admin/stats?q=あくび");
		assertThat(page.select("#stats-table tbody tr")).hasSize(1);
		assertThat(page.selectFirst("#stats-table tbody tr a").attr("href")).isEqualTo("/admin/stats/" + id(YAWN));
		assertThat(fetcher().get("/admin/stats?q=100%25").select("#stats-table")).isEmpty();

		for (int n = 1; n <= 55; n++) {
			this.jdbc.update("""
					INSERT INTO article (slug, headline, category_id, author_id, status, updated_at)
					SELECT ?, ?, category_id, author_id, 'DRAFT', updated_at FROM article WHERE slug = ?
					""", "stats-page-" + n, "統計ページの記事" + n, YAWN);
		}
		page = fetcher().get("/admin/stats?q=統計ページ&sort=all");
		assertThat(page.select("#stats-table tbody tr")).hasSize(50);
		assertThat(page.selectFirst("#stats-table caption").text()).contains("55件");
		assertThat(page.selectFirst(".pagination a[rel=next]").attr("href"))
			.isEqualTo("/admin/stats?q=%E7%B5%B1%E8%A8%88%E3%83%9A%E3%83%BC%E3%82%B8&sort=all&page=2");
		page = fetcher().get("/admin/stats?q=統計ページ&sort=all&page=2");
		assertThat(page.select("#stats-table tbody tr a").eachText()).containsExactly("統計ページの記事5", "統計ページの記事4",
				"統計ページの記事3", "統計ページの記事2", "統計ページの記事1");
	}

	@Test
	void articlePageHasTotalsAChartOfHoursAndAChartOfDays() throws Exception {
		Document page = fetcher().get("/admin/stats/" + id(YAWN));
		String headline = this.jdbc.queryForObject("SELECT headline FROM article WHERE slug = ?", String.class, YAWN);
		assertThat(page.selectFirst("h1").text()).isEqualTo("「" + headline + "」の閲覧数");
		assertThat(page.select("#totals dd").eachText()).containsExactly("15", "115", "1,115");

		Element hourly = page.selectFirst("#hourly svg");
		assertThat(hourly.attr("role")).isEqualTo("img");
		assertThat(hourly.attr("aria-labelledby")).isEqualTo("chart-hourly-title");
		assertThat(hourly.attr("aria-describedby")).isEqualTo("chart-hourly-desc");
		assertThat(hourly.getElementById("chart-hourly-title").text()).contains("あくび", "1時間ごと");
		assertThat(hourly.selectFirst("desc").text()).contains("1月8日 13時台から1月15日 12時台まで", "合計115回",
				"最も多いのは1月14日 12時台の100回");
		assertThat(hourly.select("polyline")).hasSize(1);
		String[] points = hourly.selectFirst("polyline").attr("points").split(" ");
		assertThat(points).hasSize(168);
		assertThat(hourly.select("script, foreignObject, [style]")).isEmpty();
		assertThat(hourly.select(".chart-labels-x text").eachText()).containsExactly("1月9日 0時", "1月10日 0時", "1月11日 0時",
				"1月12日 0時", "1月13日 0時", "1月14日 0時", "1月15日 0時");
		assertThat(hourly.select(".chart-labels-y text").eachText()).startsWith("0").contains("100");

		List<String> hours = page.select("#hourly table tbody tr").eachText();
		assertThat(hours).hasSize(168).startsWith("1月8日 13時台 0").endsWith("1月15日 12時台 5");
		assertThat(hours).contains("1月14日 12時台 100", "1月14日 13時台 10");

		Element daily = page.selectFirst("#daily svg");
		assertThat(daily.attr("aria-labelledby")).isEqualTo("chart-daily-title");
		assertThat(daily.getElementById("chart-daily-title").text()).contains("1日ごと");
		assertThat(daily.select("rect.chart-bar")).hasSize(30);
		assertThat(daily.select("rect.chart-bar title").eachText()).endsWith("2026年1月14日(水): 110回",
				"2026年1月15日(木): 5回");
		List<String> days = page.select("#daily table tbody tr").eachText();
		assertThat(days).hasSize(30).startsWith("2025年12月17日(水) 0").endsWith("2026年1月14日(水) 110", "2026年1月15日(木) 5");
		assertThat(page.select("details summary").eachText()).containsExactly("数値を表で見る(1時間ごと、168件)",
				"数値を表で見る(1日ごと、30件)");
	}

	@Test
	void daysAreDaysInTokyo() throws Exception {
		Document page = fetcher().get("/admin/stats/" + id(BRZ));
		// 20:00 UTC on the 14th is 05:00 on the 15th in Tokyo.
		assertThat(page.select("#daily table tbody tr").eachText()).endsWith("2026年1月14日(水) 0", "2026年1月15日(木) 20");
		assertThat(page.select("#hourly table tbody tr").eachText()).startsWith("1月8日 13時台 1").contains("1月15日 5時台 20");
	}

	@Test
	void textInTheChartIsEscaped() throws Exception {
		this.jdbc.update("UPDATE article SET headline = ? WHERE slug = ?", "<script>alert(1)</script> & \"引用\" 'x'",
				DOG);
		String html = this.mvc.perform(get("/admin/stats/" + id(DOG)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script>alert(1)</script>");
		Document page = fetcher().get("/admin/stats/" + id(DOG));
		assertThat(page.select("script")).isEmpty();
		assertThat(page.selectFirst("#chart-hourly-title").text()).contains("<script>alert(1)</script> & \"引用\" 'x'");
		assertThat(page.selectFirst("#chart-daily-desc").text()).contains("合計50回", "最も多いのは2026年1月10日(土)の50回");
	}

	@Test
	void aHeadlineInTheChartTitlesComesOutEscaped() throws Exception {
		this.jdbc.update("UPDATE article SET headline = ? WHERE slug = ?", "1 < 2 & \"引用\"", DOG);
		String html = this.mvc.perform(get("/admin/stats/" + id(DOG)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains(
				"<title id=\"chart-hourly-title\">「1 &lt; 2 &amp; &quot;引用&quot;」の閲覧数(1時間ごと、直近7日間)</title>",
				"<title id=\"chart-daily-title\">「1 &lt; 2 &amp; &quot;引用&quot;」の閲覧数(1日ごと、直近30日間)</title>");
	}

	@Test
	void everyTextOfAChartIsEscapedByTheTemplate() {
		String text = "<b>\"A&B\"</b>";
		Chart.Label label = new Chart.Label("56", "284", "end", text);
		Chart chart = new Chart("chart-test", ViewChart.WIDTH, ViewChart.HEIGHT, text, text, label, List.of(),
				List.of(label), List.of(), List.of(label), List.of(), null,
				List.of(new Chart.Bar("70", "100", "15", "180", text)));
		Context context = new Context(Locale.JAPANESE);
		context.setVariable("chart", chart);
		String svg = this.templates.process("admin/stats/_chart", Set.of("chart"), context);
		assertThat(svg).doesNotContain("<b>", "\"A&B\"");
		assertThat(svg.split("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;", -1)).as("title, description, three labels, bar")
			.hasSize(7);
		Element parsed = Jsoup.parse(svg).selectFirst("svg");
		assertThat(parsed.select("title, desc, text")).hasSize(6)
			.allSatisfy((element) -> assertThat(element.text()).isEqualTo(text));
		assertThat(parsed.select("rect.chart-bar")).hasSize(1);
		assertThat(parsed.select("polyline")).isEmpty();
	}

	@Test
	void anArticleWithoutViewsHasFlatCharts() throws Exception {
		Document page = fetcher().get("/admin/stats/" + id("pig-kidney-transplant-ucla"));
		assertThat(page.select("#totals dd").eachText()).containsExactly("0", "0", "0");
		assertThat(page.selectFirst("#chart-hourly-desc").text()).contains("この間の閲覧はありません");
		assertThat(page.selectFirst("#hourly polyline").attr("points").split(" ")).hasSize(168);
		assertThat(page.select("#daily rect.chart-bar")).hasSize(30);
	}

	@Test
	void unknownArticleIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/stats/999999")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "MODERATOR")
	void moderatorsAreRefused() throws Exception {
		this.mvc.perform(get("/admin/stats")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/stats/{id}", id(YAWN))).andExpect(status().isForbidden());
		assertThat(fetcher().get("/admin").select("#admin-menu a").eachText()).doesNotContain("統計");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminsMayLook() throws Exception {
		assertThat(fetcher().get("/admin/stats").select("#admin-menu a").eachText()).contains("統計");
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/stats")).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/stats/{id}", id(YAWN))).andExpect(redirectedUrl("/admin/login"));
	}

	private List<String> numbers(Document page, String slug) {
		return page.select("#stats-" + id(slug) + " td.number").eachText();
	}

	private List<String> firstRows(String path) throws Exception {
		return fetcher().get(path)
			.select("#stats-table tbody tr")
			.stream()
			.limit(3)
			.map((row) -> row.id().substring("stats-".length()))
			.toList();
	}

	private String id(String slug) {
		return String.valueOf(this.jdbc.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, slug));
	}

	private void hour(String slug, String hour, long views) {
		this.jdbc.update("INSERT INTO article_view_hour (article_id, hour_start, views) VALUES (?, ?, ?)",
				Long.valueOf(id(slug)), Timestamp.from(Instant.parse(hour)), views);
	}

	private void total(String slug, long views) {
		this.jdbc.update("UPDATE article SET view_count = ? WHERE slug = ?", views, slug);
	}

	private PageFetcher fetcher() {
		return new PageFetcher(this.mvc);
	}

}
