package dev.shimbun.pagecache;

import java.sql.SQLException;

import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.database.DatabaseAvailability;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While the database is unavailable (marked so here, as a failed connection marks it),
 * readers get the last rendering of every page rendered before, however old, unless
 * something may have taken it off the site; a page never rendered and a comment get the
 * 503 page, the comment's text kept; readiness is DOWN and liveness UP. The whole outage,
 * on a real PostgreSQL stopped and started again: dev.shimbun.faults.PostgresOutageTests.
 */
@SiteTest
@TestPropertySource(properties = "shimbun.database.probe-interval=1h")
@OwnContext
@DirtiesContext
class PageCacheOutageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PageCache cache;

	@Autowired
	private Renderings renderings;

	@Autowired
	private DatabaseAvailability database;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void emptyCache() throws Exception {
		this.cache.clear();
		// the menus and sidebars, read once before the outage
		this.mvc.perform(get("/")).andExpect(status().isOk());
	}

	@AfterEach
	void databaseBack() {
		this.database.answered();
	}

	private void outage() {
		this.database.lost(new SQLException("Connection refused", "08001"));
	}

	@Test
	void aDroppedPageIsServedFromItsLastRenderingWhileTheDatabaseIsUnavailable() throws Exception {
		String before = this.mvc.perform(get(PageCacheTests.YAWN)).andReturn().getResponse().getContentAsString();
		// as a new comment and a ranking recompute drop it
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.COMMENTS, "why-we-yawn", true));
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.RANKINGS, null, true));
		outage();
		MvcResult during = this.mvc.perform(get(PageCacheTests.YAWN)).andExpect(status().isOk()).andReturn();
		assertThat(during.getResponse().getContentAsString()).isEqualTo(before);
		assertThat(during.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(during.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
	}

	@Test
	void aConditionalRequestForALastRenderingStillMatchingGetsA304() throws Exception {
		MvcResult before = this.mvc.perform(get(PageCacheTests.YAWN)).andReturn();
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.COMMENTS, "why-we-yawn", true));
		outage();
		String etag = before.getResponse().getHeader("ETag");
		this.mvc.perform(get(PageCacheTests.YAWN).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andExpect(header().string("Cache-Control", "no-cache"));
		this.mvc
			.perform(get(PageCacheTests.YAWN).header("If-Modified-Since",
					before.getResponse().getHeader("Last-Modified")))
			.andExpect(status().isNotModified());
	}

	@Test
	void withTheDatabaseBackThePageIsRenderedAgain() throws Exception {
		this.mvc.perform(get(PageCacheTests.YAWN)).andExpect(status().isOk());
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.COMMENTS, "why-we-yawn", true));
		double renders = this.renderings.count();
		this.mvc.perform(get(PageCacheTests.YAWN)).andExpect(status().isOk());
		assertThat(this.renderings.count()).isEqualTo(renders + 1);
	}

	@Test
	void aPageThatMayHaveBeenTakenOffTheSiteIsNotServedFromItsLastRendering() throws Exception {
		this.mvc.perform(get(PageCacheTests.PIG)).andExpect(status().isOk());
		this.mvc.perform(get(PageCacheTests.GUT)).andExpect(status().isOk());
		// an article edited (unpublished, say), comments moderated under another
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.ARTICLE, "pig-kidney-transplant-ucla", true));
		outage();
		assertThat(this.mvc.perform(get(PageCacheTests.PIG)).andReturn().getResponse().getStatus()).isEqualTo(503);
		this.database.answered();
		this.mvc.perform(get(PageCacheTests.GUT)).andExpect(status().isOk());
		this.events
			.publishEvent(new ContentChanged(ContentChanged.Topic.COMMENTS_REMOVED, "gut-bacteria-anxiety-ucla", true));
		outage();
		assertThat(this.mvc.perform(get(PageCacheTests.GUT)).andReturn().getResponse().getStatus()).isEqualTo(503);
	}

	@Test
	void aPageNeverRenderedGetsThe503PageInTheSiteLayout() throws Exception {
		outage();
		MvcResult page = this.mvc.perform(get("/categories/news?page=2")).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(503);
		assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("5");
		assertThat(page.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		Document document = Jsoup.parse(page.getResponse().getContentAsString());
		assertThat(document.select("h1").text()).isEqualTo("ただいま表示できません");
		assertThat(document.select("nav a").eachText()).contains("ニュース", "トレンド");
		assertThat(document.select("form.resend")).isEmpty();
	}

	@Test
	void aCommentIsRefusedAtOnceWithItsTextKeptAndNothingStored() throws Exception {
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM article_comment", Integer.class);
		outage();
		MvcResult refused = this.mvc
			.perform(post(PageCacheTests.YAWN + "/comments").header("Origin", "http://localhost:8080")
				.param("nickname", "読者")
				.param("body", "あくびの記事、面白かったです。")
				.param("website", ""))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(503);
		Document page = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(page.select("form.resend").attr("action")).isEqualTo(PageCacheTests.YAWN + "/comments");
		assertThat(page.select("form.resend textarea[name=body]").text()).isEqualTo("あくびの記事、面白かったです。");
		assertThat(page.select("form.resend input[name=nickname]").val()).isEqualTo("読者");
		assertThat(page.select("form.resend input[type=hidden][name=website]")).hasSize(1);
		assertThat(page.select("form.resend label").eachText()).contains("ニックネーム", "コメント");
		this.database.answered();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM article_comment", Integer.class)).isEqualTo(before);
	}

	@Test
	void readinessIsDownAndLivenessUpWhileTheDatabaseIsUnavailable() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		outage();
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.database.answered();
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

}
