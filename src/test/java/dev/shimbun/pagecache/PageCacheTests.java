package dev.shimbun.pagecache;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import dev.shimbun.MutableClock;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.article.ArticleStatus;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
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
@TestPropertySource(properties = { "shimbun.admin.username=desk", "shimbun.admin.password=page-cache-secret" })
@OwnContext
@DirtiesContext
class PageCacheTests {

	static final String YAWN = "/articles/why-we-yawn";

	static final String PIG = "/articles/pig-kidney-transplant-ucla";

	static final String GUT = "/articles/gut-bacteria-anxiety-ucla";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131 Safari/537.36";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PageCache cache;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ArticleAdminService editor;

	@BeforeEach
	void emptyCache() {
		this.cache.invalidateAll();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private MvcResult fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
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
	void readersAskingForAPageBeingRenderedWaitForThatOneRendering() throws Exception {
		double before = this.cache.renders();
		ExecutorService threads = Executors.newFixedThreadPool(16);
		List<Future<String>> etags = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			etags.add(threads.submit(() -> fetch("/").getResponse().getHeader("ETag")));
		}
		Set<String> distinct = new HashSet<>();
		for (Future<String> etag : etags) {
			distinct.add(etag.get());
		}
		threads.shutdown();
		assertThat(distinct).hasSize(1);
		assertThat(this.cache.renders() - before).isEqualTo(1.0);
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
	void gzipIsServedToClientsThatAcceptIt() throws Exception {
		String plain = fetch(PIG).getResponse().getContentAsString();
		MvcResult zipped = this.mvc.perform(get(PIG).header("Accept-Encoding", "br, gzip;q=0.8"))
			.andExpect(header().string("Content-Encoding", "gzip"))
			.andReturn();
		byte[] body = zipped.getResponse().getContentAsByteArray();
		assertThat(body.length).isLessThan(plain.length() / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		this.mvc.perform(get(PIG).header("Accept-Encoding", "gzip;q=0"))
			.andExpect(header().doesNotExist("Content-Encoding"));
	}

	@Test
	void aNewCommentDropsOnlyItsArticlesPagesAndShowsAtOnce() throws Exception {
		fetch(YAWN);
		fetch(PIG);
		fetch("/");
		assertThat(this.cache.size()).isEqualTo(3);
		this.mvc.perform(post(YAWN + "/comments").header("Origin", "http://localhost:8080")
			.param("body", "キャッシュの後に書いたコメント")
			.with((request) -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			})).andExpect(status().isFound());
		assertThat(this.cache.size()).isEqualTo(2);
		assertThat(Jsoup.parse(fetch(YAWN).getResponse().getContentAsString()).select(".comment-body").eachText())
			.contains("キャッシュの後に書いたコメント");
	}

	@Test
	void anEditDropsEveryPage() throws Exception {
		fetch(PIG);
		fetch("/");
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'pig-kidney-transplant-ucla'",
				Long.class);
		actAsEditor();
		ArticleForm form = this.editor.form(id);
		form.setHeadline("ブタ腎臓移植の見出しを直した");
		this.editor.update(id, form);
		SecurityContextHolder.clearContext();
		assertThat(this.cache.size()).isZero();
		assertThat(fetch("/").getResponse().getContentAsString()).contains("ブタ腎臓移植の見出しを直した");
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
	void signedInStaffGetPagesNeverKept() throws Exception {
		jakarta.servlet.http.Cookie session = this.mvc
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
		this.mvc.perform(get(YAWN).param("comment", "posted")).andExpect(header().doesNotExist("ETag"));
		this.mvc.perform(get(YAWN).param("utm_source", "x")).andExpect(header().doesNotExist("ETag"));
		this.mvc.perform(get(YAWN).param("cpage", "1")).andExpect(header().exists("ETag"));
		assertThat(this.cache.size()).isEqualTo(1);
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

}
