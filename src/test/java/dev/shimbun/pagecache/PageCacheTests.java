package dev.shimbun.pagecache;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import dev.shimbun.MutableClock;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.article.ArticleStatus;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Public pages are rendered once, served from memory with HTTP caching headers, and
 * dropped precisely when what they show changes.
 */
@SiteTest
@TestPropertySource(properties = { "shimbun.admin.username=desk", "shimbun.admin.password=page-cache-secret",
		"shimbun.pages.stale-renderings=1" })
@OwnContext
@DirtiesContext
@RecordApplicationEvents
@Import(HeldFrontPage.Config.class)
class PageCacheTests {

	static final String YAWN = "/articles/why-we-yawn";

	static final String PIG = "/articles/pig-kidney-transplant-ucla";

	static final String GUT = "/articles/gut-bacteria-anxiety-ucla";

	/** The caching headers of a page served stale. */
	static final String STALE = "public, max-age=0, s-maxage=1";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131 Safari/537.36";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PageCache cache;

	@Autowired
	private Renderings renderings;

	@Autowired
	private HeldFrontPage heldRendering;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ArticleAdminService editor;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void emptyCache() {
		this.cache.clear();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private MvcResult fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
	}

	private String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	/**
	 * Fetches a page marked stale: the request is answered with the page as it was, and
	 * then renders it again (its response, in a test, comes back after that).
	 * @return the page as it was
	 */
	private String fetchStale(String path) throws Exception {
		MvcResult stale = fetch(path);
		assertThat(stale.getResponse().getHeader("Cache-Control")).as("served stale").isEqualTo(STALE);
		return body(stale);
	}

	@Test
	void aPageIsRenderedOnceAndServedWithCachingHeaders() throws Exception {
		MvcResult first = fetch(YAWN);
		assertThat(this.cache.size()).isEqualTo(1);
		MvcResult second = fetch(YAWN);
		assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		String etag = second.getResponse().getHeader("ETag");
		assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"").isEqualTo(first.getResponse().getHeader("ETag"));
		assertThat(second.getResponse().getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=60, stale-while-revalidate=30");
		assertThat(second.getResponse().getHeader("Vary")).isEqualTo("Accept-Encoding");
		assertThat(second.getResponse().getHeader("Last-Modified")).isNotNull();
		assertThat(second.getResponse().getHeader("Content-Language")).isEqualTo("ja");
		assertThat(second.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(second.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
	}

	@Test
	void pagesServedFromMemoryAreTimedOnceUnderTheRouteTheyWereRenderedUnder() throws Exception {
		long answered = requests("/articles/{slug}", "200");
		long revalidated = requests("/articles/{slug}", "304");
		long unknown = requests("UNKNOWN", "200");
		String etag = fetch(YAWN).getResponse().getHeader("ETag");
		fetch(YAWN);
		this.mvc.perform(get(YAWN).header("If-None-Match", etag)).andExpect(status().isNotModified());
		// the rendering and the page served from memory, each once, as Spring would time
		// them
		assertThat(requests("/articles/{slug}", "200")).isEqualTo(answered + 2);
		assertThat(requests("/articles/{slug}", "304")).isEqualTo(revalidated + 1);
		assertThat(requests("UNKNOWN", "200")).isEqualTo(unknown);
		Timer timer = this.meters.get("http.server.requests")
			.tags("uri", "/articles/{slug}", "status", "200", "method", "GET", "outcome", "SUCCESS", "exception",
					"none", "error", "none")
			.timer();
		assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	private long requests(String uri, String status) {
		Timer timer = this.meters.find("http.server.requests").tags("uri", uri, "status", status).timer();
		return (timer != null) ? timer.count() : 0;
	}

	@Test
	void readersAskingForAPageBeingRenderedWaitForThatOneRendering() throws Exception {
		int readers = 8;
		double before = this.renderings.count();
		CountDownLatch waiting = new CountDownLatch(readers - 1);
		this.renderings.onWait(waiting::countDown);
		this.heldRendering.hold();
		ExecutorService threads = Executors.newFixedThreadPool(readers);
		try {
			List<Future<String>> etags = new ArrayList<>();
			etags.add(threads.submit(() -> fetch("/").getResponse().getHeader("ETag")));
			assertThat(this.heldRendering.awaitStarted()).as("the first rendering started").isTrue();
			for (int i = 1; i < readers; i++) {
				etags.add(threads.submit(() -> fetch("/").getResponse().getHeader("ETag")));
			}
			assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the other readers wait for that rendering").isTrue();
			this.heldRendering.release();
			Set<String> distinct = new HashSet<>();
			for (Future<String> etag : etags) {
				distinct.add(etag.get(10, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(1).doesNotContainNull();
			assertThat(this.heldRendering.renderings()).isEqualTo(1);
			assertThat(this.renderings.count() - before).isEqualTo(1.0);
		}
		finally {
			this.heldRendering.release();
			this.renderings.onWait(() -> {
			});
			threads.shutdownNow();
		}
	}

	@Test
	void conditionalRequestsThatStillMatchGetA304WithoutBody() throws Exception {
		MvcResult page = fetch(PIG);
		String etag = page.getResponse().getHeader("ETag");
		MvcResult revalidated = this.mvc.perform(get(PIG).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andReturn();
		assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();
		this.mvc.perform(get(PIG).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
		this.mvc.perform(get(PIG).header("If-Modified-Since", page.getResponse().getHeader("Last-Modified")))
			.andExpect(status().isNotModified());
		this.mvc.perform(get(PIG).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"))
			.andExpect(status().isOk());
	}

	@Test
	void aConditionalRequestGetsA304WithTheHeadersOfThePage() throws Exception {
		MvcResult page = fetch(PIG);
		String etag = page.getResponse().getHeader("ETag");
		String lastModified = page.getResponse().getHeader("Last-Modified");
		MvcResult revalidated = this.mvc.perform(get(PIG).header("If-None-Match", "\"other\", W/" + etag))
			.andExpect(status().isNotModified())
			.andReturn();
		assertThat(revalidated.getResponse().getHeader("Last-Modified")).isEqualTo(lastModified);
		assertThat(revalidated.getResponse().getHeader("Cache-Control"))
			.isEqualTo(page.getResponse().getHeader("Cache-Control"));
		assertThat(revalidated.getResponse().getHeader("Vary")).isEqualTo("Accept-Encoding");
		assertThat(revalidated.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
		// If-None-Match wins over If-Modified-Since
		this.mvc.perform(get(PIG).header("If-Modified-Since", lastModified).header("If-None-Match", "\"other\""))
			.andExpect(status().isOk());
	}

	@Test
	void aPageRenderedAgainUnchangedGetsA304() throws Exception {
		MvcResult page = fetch(PIG);
		this.cache.invalidateAll();
		double renders = this.renderings.count();
		MvcResult revalidated = this.mvc.perform(get(PIG).header("If-None-Match", page.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", page.getResponse().getHeader("ETag")))
			.andReturn();
		assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.renderings.count()).isEqualTo(renders + 1);
		this.cache.invalidateAll();
		this.mvc.perform(get(PIG).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", page.getResponse().getHeader("ETag")));
		this.cache.invalidateAll();
		this.mvc.perform(get(PIG).header("If-Modified-Since", page.getResponse().getHeader("Last-Modified")))
			.andExpect(status().isNotModified());
	}

	@Test
	void gzipIsServedToClientsThatAcceptIt() throws Exception {
		String plain = fetch(PIG).getResponse().getContentAsString();
		MvcResult zipped = this.mvc.perform(get(PIG).header("Accept-Encoding", "br, gzip;q=0.8"))
			.andExpect(header().string("Content-Encoding", "gzip"))
			.andReturn();
		byte[] body = zipped.getResponse().getContentAsByteArray();
		assertThat(body.length).isLessThan(plain.length() / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		this.mvc.perform(get(PIG).header("Accept-Encoding", "gzip;q=0"))
			.andExpect(header().doesNotExist("Content-Encoding"));
	}

	@Test
	void aNewCommentMarksOnlyItsArticlesPagesStaleAndItsWriterSeesItAtOnce() throws Exception {
		fetch(YAWN);
		fetch(PIG);
		fetch("/");
		assertThat(this.cache.size()).isEqualTo(3);
		String location = this.mvc.perform(post(YAWN + "/comments").header("Origin", "http://localhost:8080")
			.param("body", "キャッシュの後に書いたコメント")
			.with((request) -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			})).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
		// stale, not dropped: other readers get it while one request renders it again
		assertThat(this.cache.size()).isEqualTo(2);
		assertThat(this.cache.sizeWithStale()).isEqualTo(3);
		// the writer is sent to a page rendered for them alone
		assertThat(location).startsWith(YAWN + "?comment=posted");
		assertThat(Jsoup
			.parse(this.mvc.perform(get(location.replaceAll("#.*", ""))).andReturn().getResponse().getContentAsString())
			.select(".comment-body")
			.eachText()).contains("キャッシュの後に書いたコメント");
		// the next reader of the article's own address gets it as it was, briefly kept,
		// and the page is rendered again after that answer
		assertThat(Jsoup.parse(fetchStale(YAWN)).select(".comment-body").eachText()).doesNotContain("キャッシュの後に書いたコメント");
		assertThat(Jsoup.parse(body(fetch(YAWN))).select(".comment-body").eachText()).contains("キャッシュの後に書いたコメント");
	}

	@Test
	void anEditThatTakesTheArticleOffTheSiteDropsItsPages() throws Exception {
		fetch(PIG);
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'pig-kidney-transplant-ucla'",
				Long.class);
		actAsEditor();
		ArticleForm form = this.editor.form(id);
		form.setStatus(ArticleStatus.UNPUBLISHED);
		this.editor.update(id, form);
		try {
			// dropped, not stale: no reader is to be served it again
			assertThat(this.cache.sizeWithStale()).isZero();
			assertThat(this.events.stream(PagesDropped.class))
				.contains(new PagesDropped(Set.of(PageTags.pageOf("pig-kidney-transplant-ucla")), false));
			this.mvc.perform(get(PIG)).andExpect(status().isNotFound());
		}
		finally {
			// back on the site for the other tests of this class
			form = this.editor.form(id);
			form.setStatus(ArticleStatus.PUBLISHED);
			this.editor.update(id, form);
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void anEditMarksStaleThePagesThatShowTheArticleAndNoOthers() throws Exception {
		String section = YAWN + "/comments/section";
		String pigSection = PIG + "/comments/section";
		fetch(PIG);
		fetch("/");
		fetch(section);
		fetch(pigSection);
		assertThat(fetch(section).getResponse().getContentAsString()).doesNotContain(PIG);
		double renders = this.renderings.count();
		edit("pig-kidney-transplant-ucla", (form) -> form.setHeadline("ブタ腎臓移植の見出しを直した"));
		// the article's pages and the front page that links to it; not another article's
		// comments, which show no link to it. Still on the site: marked stale, not
		// dropped
		assertThat(this.cache.size()).isEqualTo(1);
		assertThat(this.cache.sizeWithStale()).isEqualTo(4);
		assertThat(this.events.stream(PagesDropped.class)).contains(
				new PagesDropped(Set.of(PageTags.pageOf("pig-kidney-transplant-ucla")), true),
				new PagesDropped(Set.of(PageTags.linksTo("pig-kidney-transplant-ucla"), PageTags.INDEX), true));
		fetch(section);
		assertThat(this.renderings.count()).isEqualTo(renders);
		assertThat(fetchStale("/")).doesNotContain("ブタ腎臓移植の見出しを直した");
		assertThat(fetchStale(PIG)).doesNotContain("ブタ腎臓移植の見出しを直した");
		assertThat(this.renderings.count()).isEqualTo(renders + 2);
		assertThat(body(fetch("/"))).contains("ブタ腎臓移植の見出しを直した");
		assertThat(body(fetch(PIG))).contains("ブタ腎臓移植の見出しを直した");
	}

	@Test
	void anEditOfTheTextAloneLeavesThePagesThatOnlyLinkToOrListTheArticle() throws Exception {
		String category = categoryPageOf("pig-kidney-transplant-ucla");
		fetch(PIG);
		assertThat(topStory()).as("not the top story").isNotEqualTo(PIG);
		assertThat(fetch(category).getResponse().getContentAsString()).as("its category page lists it").contains(PIG);
		assertThat(fetch(YAWN).getResponse().getContentAsString()).as("another article's page links to it")
			.contains(PIG);
		double renders = this.renderings.count();
		edit("pig-kidney-transplant-ucla", (form) -> form.setSummary("ブタ腎臓移植の要点を直した"));
		// its own page only: the front page, its category page and the other article's
		// page show only its headline, category and date, as they were
		assertThat(this.cache.size()).isEqualTo(3);
		assertThat(this.cache.sizeWithStale()).isEqualTo(4);
		assertThat(this.events.stream(PagesDropped.class))
			.contains(new PagesDropped(Set.of(PageTags.pageOf("pig-kidney-transplant-ucla"),
					PageTags.showsSummaryOf("pig-kidney-transplant-ucla")), true));
		assertThat(this.events.stream(PagesDropped.class))
			.noneMatch((dropped) -> dropped.tags().contains(PageTags.INDEX)
					|| dropped.tags().contains(PageTags.linksTo("pig-kidney-transplant-ucla")));
		fetch("/");
		fetch(category);
		fetch(YAWN);
		assertThat(this.renderings.count()).isEqualTo(renders);
		assertThat(fetchStale(PIG)).doesNotContain("ブタ腎臓移植の要点を直した");
		assertThat(body(fetch(PIG))).contains("ブタ腎臓移植の要点を直した");
		assertThat(this.renderings.count()).isEqualTo(renders + 1);
	}

	@Test
	void anEditOfTheTopStorysTextMarksTheFrontPageStaleWhichShowsItsSummary() throws Exception {
		String top = topStory();
		String slug = top.substring(top.lastIndexOf('/') + 1);
		String category = categoryPageOf(slug);
		String summary = this.jdbc.queryForObject("SELECT summary FROM article WHERE slug = ?", String.class, slug);
		String shown = Jsoup.parse(body(fetch("/"))).select(".top-story-description").text();
		fetch(category);
		double renders = this.renderings.count();
		edit(slug, (form) -> form.setSummary("トップ記事の要点を直した"));
		try {
			assertThat(this.cache.size()).as("its category page only").isEqualTo(1);
			assertThat(this.cache.sizeWithStale()).isEqualTo(2);
			fetch(category);
			assertThat(this.renderings.count()).isEqualTo(renders);
			assertThat(Jsoup.parse(fetchStale("/")).select(".top-story-description").text()).isEqualTo(shown);
			assertThat(Jsoup.parse(body(fetch("/"))).select(".top-story-description").text()).isEqualTo("トップ記事の要点を直した");
			assertThat(this.renderings.count()).isEqualTo(renders + 1);
		}
		finally {
			edit(slug, (form) -> form.setSummary(summary));
		}
	}

	@Test
	void aPageMarkedStaleIsServedAsItIsWhileOneRequestRendersItAgain() throws Exception {
		String before = fetch("/").getResponse().getHeader("ETag");
		// a change made by somebody else (a list read again, say)
		this.cache.dropPages();
		double renders = this.renderings.count();
		whileTheFrontPageIsRendered((renderer) -> {
			// meanwhile: the stale page at once, kept only briefly by shared caches
			for (int i = 0; i < 3; i++) {
				MvcResult stale = fetch("/");
				assertThat(stale.getResponse().getHeader("ETag")).isEqualTo(before);
				assertThat(stale.getResponse().getHeader("Cache-Control")).isEqualTo(STALE);
			}
			this.heldRendering.release();
			// the rendering request was answered with the stale page too, before it
			// rendered
			MvcResult answered = renderer.get(10, TimeUnit.SECONDS);
			assertThat(answered.getResponse().getHeader("ETag")).isEqualTo(before);
			assertThat(answered.getResponse().getHeader("Cache-Control")).isEqualTo(STALE);
			assertThat(this.heldRendering.renderings()).isEqualTo(1);
			assertThat(this.renderings.count()).isEqualTo(renders + 1);
			assertThat(this.cache.size()).isEqualTo(1);
			assertThat(fetch("/").getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		});
	}

	@Test
	void aReaderWhoReloadsAStalePageGetsItAsItIsNow() throws Exception {
		fetch(PIG);
		edit("pig-kidney-transplant-ucla", (form) -> form.setSummary("再読み込みで見える要点"));
		double renders = this.renderings.count();
		// a reload (Cache-Control: max-age=0), the live comments script (no-cache)
		MvcResult reloaded = this.mvc.perform(get(PIG).header("Cache-Control", "max-age=0"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(body(reloaded)).contains("再読み込みで見える要点");
		assertThat(reloaded.getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		assertThat(this.renderings.count()).isEqualTo(renders + 1);
		edit("pig-kidney-transplant-ucla", (form) -> form.setSummary("もう一度直した要点"));
		assertThat(body(this.mvc.perform(get(PIG).header("Pragma", "no-cache")).andReturn())).contains("もう一度直した要点");
		// kept: the next reader is served it from memory
		assertThat(fetch(PIG).getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		assertThat(this.renderings.count()).isEqualTo(renders + 2);
	}

	@Test
	void aStalePageIsServedAsItIsWhileAsManyStalePagesAsAllowedAreBeingRendered() throws Exception {
		fetch("/");
		String before = fetch(YAWN).getResponse().getHeader("ETag");
		this.cache.dropPages();
		double renders = this.renderings.count();
		whileTheFrontPageIsRendered((renderer) -> {
			// the one stale rendering allowed (shimbun.pages.stale-renderings=1) is the
			// front page's: the article's reader gets it as it is, and nothing renders it
			for (int i = 0; i < 3; i++) {
				MvcResult stale = fetch(YAWN);
				assertThat(stale.getResponse().getHeader("ETag")).isEqualTo(before);
				assertThat(stale.getResponse().getHeader("Cache-Control")).isEqualTo(STALE);
			}
			assertThat(this.renderings.count()).isEqualTo(renders);
			this.heldRendering.release();
			assertThat(renderer.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
			// the rendering over, the next reader renders the article again, after its
			// answer
			assertThat(fetch(YAWN).getResponse().getHeader("ETag")).isEqualTo(before);
			assertThat(this.renderings.count()).isEqualTo(renders + 2);
			assertThat(this.cache.size()).isEqualTo(2);
			assertThat(fetch(YAWN).getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		});
	}

	@Test
	void aPageKeptLongerThanTheTtlIsServedAsItIsWhileOneRequestRendersItAgain() throws Exception {
		String before = fetch("/").getResponse().getHeader("ETag");
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(fetch("/").getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		// past shimbun.pages.cache-ttl (60 s) with no change announced
		this.clock.advance(Duration.ofSeconds(2));
		double renders = this.renderings.count();
		whileTheFrontPageIsRendered((renderer) -> {
			MvcResult stale = fetch("/");
			assertThat(stale.getResponse().getHeader("ETag")).isEqualTo(before);
			assertThat(stale.getResponse().getHeader("Cache-Control")).isEqualTo(STALE);
			this.heldRendering.release();
			assertThat(renderer.get(10, TimeUnit.SECONDS).getResponse().getHeader("Cache-Control")).isEqualTo(STALE);
			assertThat(this.heldRendering.renderings()).isEqualTo(1);
			assertThat(this.renderings.count()).isEqualTo(renders + 1);
			assertThat(fetch("/").getResponse().getHeader("Cache-Control")).startsWith("public, max-age=10");
		});
	}

	@Test
	void aPageRenderedAcrossADropThatConcernsItIsNotKeptFresh() throws Exception {
		double renders = this.renderings.count();
		whileTheFrontPageIsRendered((renderer) -> {
			// a drop of another article's pages concerns the front page only if it links
			// to it; a drop of every page always
			this.cache.invalidateArticle("no-such-article");
			this.cache.dropPages();
			this.heldRendering.release();
			assertThat(renderer.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
			assertThat(this.cache.size()).isZero();
			assertThat(this.cache.sizeWithStale()).isEqualTo(1);
			fetch("/");
			assertThat(this.renderings.count()).isEqualTo(renders + 2);
			assertThat(this.cache.size()).isEqualTo(1);
		});
	}

	@Test
	void aDropOfPagesThatDoNotShowTheArticleKeepsARenderingFresh() throws Exception {
		whileTheFrontPageIsRendered((renderer) -> {
			this.cache.invalidateArticle("no-such-article");
			this.heldRendering.release();
			assertThat(renderer.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
			assertThat(this.cache.size()).isEqualTo(1);
		});
	}

	@Test
	void aScheduledArticleAppearsAtItsTimeThoughThePageWasKept() throws Exception {
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'gut-bacteria-anxiety-ucla'",
				Long.class);
		actAsEditor();
		ArticleForm form = this.editor.form(id);
		form.setStatus(ArticleStatus.SCHEDULED);
		form.setPublishAt(
				LocalDateTime.ofInstant(this.clock.instant().plus(Duration.ofMinutes(10)), ZoneId.of("Asia/Tokyo")));
		this.editor.update(id, form);
		SecurityContextHolder.clearContext();
		assertThat(fetch("/").getResponse().getContentAsString()).doesNotContain("href=\"" + GUT + "\"");
		assertThat(this.cache.size()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(fetch("/").getResponse().getContentAsString()).contains("href=\"" + GUT + "\"");
	}

	@Test
	void anArticleLeavesAtItsUnpublishTimeThoughItsPageWasKept() throws Exception {
		String subaru = "/articles/subaru-brz-2026";
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'subaru-brz-2026'", Long.class);
		actAsEditor();
		ArticleForm form = this.editor.form(id);
		form.setUnpublishAt(
				LocalDateTime.ofInstant(this.clock.instant().plus(Duration.ofMinutes(10)), ZoneId.of("Asia/Tokyo")));
		this.editor.update(id, form);
		SecurityContextHolder.clearContext();
		fetch(subaru);
		assertThat(this.cache.size()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(11));
		this.mvc.perform(get(subaru)).andExpect(status().isNotFound());
	}

	@Test
	void signedInStaffGetPagesNeverKept() throws Exception {
		Cookie session = this.mvc
			.perform(post("/admin/login").param("username", "desk").param("password", "page-cache-secret").with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get(PIG).cookie(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "private, no-store"))
			.andExpect(header().doesNotExist("ETag"));
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void otherQueryParametersAreRenderedForTheRequestAlone() throws Exception {
		this.mvc.perform(get(YAWN).queryParam("comment", "posted")).andExpect(header().doesNotExist("ETag"));
		this.mvc.perform(get(YAWN).queryParam("utm_source", "x")).andExpect(header().doesNotExist("ETag"));
		this.mvc.perform(get(YAWN).queryParam("cpage", "1")).andExpect(header().exists("ETag"));
		assertThat(this.cache.size()).isEqualTo(1);
	}

	@Test
	void eachPageOfACategoryIsKeptApart() throws Exception {
		String first = fetch("/categories/news").getResponse().getHeader("ETag");
		String numbered = fetch("/categories/news?page=1").getResponse().getHeader("ETag");
		assertThat(first).isNotNull();
		assertThat(numbered).isNotNull();
		assertThat(this.cache.size()).isEqualTo(2);
		this.mvc.perform(get("/categories/news").queryParam("cpage", "1")).andExpect(header().doesNotExist("ETag"));
		assertThat(this.cache.size()).isEqualTo(2);
	}

	@Test
	void readsOfAPageServedFromMemoryAreCounted() throws Exception {
		fetch(PIG);
		long before = this.jdbc
			.queryForObject("SELECT view_count FROM article WHERE slug = 'pig-kidney-transplant-ucla'", Long.class);
		for (String address : new String[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" }) {
			this.mvc.perform(get(PIG).header("User-Agent", BROWSER).with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})).andExpect(status().isOk());
		}
		Object counter = this.mvc.getDispatcherServlet().getWebApplicationContext().getBean("viewCounter");
		ReflectionTestUtils.invokeMethod(counter, "flush");
		long after = this.jdbc
			.queryForObject("SELECT view_count FROM article WHERE slug = 'pig-kidney-transplant-ucla'", Long.class);
		assertThat(after - before).isEqualTo(3);
	}

	private void actAsEditor() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("chief", null, "ROLE_ADMIN"));
	}

	/**
	 * Runs the steps while a request renders the front page, held until the steps release
	 * it (or end).
	 */
	private void whileTheFrontPageIsRendered(HeldSteps steps) throws Exception {
		this.heldRendering.hold();
		ExecutorService threads = Executors.newFixedThreadPool(1);
		try {
			Future<MvcResult> renderer = threads.submit(() -> fetch("/"));
			assertThat(this.heldRendering.awaitStarted()).as("the rendering started").isTrue();
			steps.run(renderer);
		}
		finally {
			this.heldRendering.release();
			threads.shutdownNow();
		}
	}

	/** What a test does while the front page is rendered. */
	interface HeldSteps {

		void run(Future<MvcResult> renderer) throws Exception;

	}

	/** The path of the front page's top story, the front page kept. */
	private String topStory() throws Exception {
		return Jsoup.parse(fetch("/").getResponse().getContentAsString()).select("a.top-story-link").attr("href");
	}

	/** The path of the category page of the article with this slug. */
	private String categoryPageOf(String slug) {
		return "/categories/" + this.jdbc.queryForObject(
				"SELECT c.slug FROM article a JOIN category c ON c.id = a.category_id WHERE a.slug = ?", String.class,
				slug);
	}

	/**
	 * Saves the article with this slug in the editor, with the change made to its form.
	 */
	private void edit(String slug, Consumer<ArticleForm> change) {
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, slug);
		actAsEditor();
		try {
			ArticleForm form = this.editor.form(id);
			change.accept(form);
			this.editor.update(id, form);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
