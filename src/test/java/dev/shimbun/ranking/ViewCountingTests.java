package dev.shimbun.ranking;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.shimbun.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Which requests count as reads, and how often. */
@SpringBootTest(properties = { "shimbun.scheduling.enabled=false", "shimbun.admin.username=desk",
		"shimbun.admin.password=counting-test-secret" })
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class ViewCountingTests {

	static final String SLUG = "subaru-brz-2026";

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Safari/537.36";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ViewCounter counter;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ViewStore store;

	@BeforeEach
	void startClean() {
		this.counter.flush();
		this.counter.forgetRecentReads();
	}

	private MockHttpServletRequestBuilder read(String address, String userAgent) {
		return get("/articles/" + SLUG).header("User-Agent", userAgent).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private long total() {
		this.counter.flush();
		return this.jdbc.queryForObject("SELECT view_count FROM article WHERE slug = ?", Long.class, SLUG);
	}

	@Test
	void aReaderCountsOncePerThirtyMinutes() throws Exception {
		long before = total();
		this.mvc.perform(read("192.0.2.10", BROWSER)).andExpect(status().isOk());
		this.mvc.perform(read("192.0.2.10", BROWSER)).andExpect(status().isOk());
		assertThat(total()).isEqualTo(before + 1);
		this.clock.advance(Duration.ofMinutes(31));
		this.counter.forgetRecentReads();
		this.mvc.perform(read("192.0.2.10", BROWSER));
		assertThat(total()).isEqualTo(before + 2);
		this.mvc.perform(read("192.0.2.11", BROWSER));
		this.mvc.perform(read("192.0.2.10", BROWSER.replace("130", "131")));
		assertThat(total()).as("another address, another browser").isEqualTo(before + 4);
	}

	/**
	 * What every instance counted is checked when the reads are written, so a reader is
	 * counted once in the window even by an instance that does not remember them (as
	 * another instance would not).
	 */
	@Test
	void aReaderThisInstanceForgotIsStillCountedOncePerThirtyMinutes() throws Exception {
		long before = total();
		this.mvc.perform(read("192.0.2.12", BROWSER)).andExpect(status().isOk());
		assertThat(total()).isEqualTo(before + 1);
		this.clock.advance(Duration.ofMinutes(29));
		this.counter.forgetRecentReads();
		this.mvc.perform(read("192.0.2.12", BROWSER)).andExpect(status().isOk());
		assertThat(this.counter.pending()).as("buffered by an instance that forgot the reader").isEqualTo(1);
		assertThat(total()).isEqualTo(before + 1);
		this.clock.advance(Duration.ofMinutes(2));
		this.counter.forgetRecentReads();
		this.mvc.perform(read("192.0.2.12", BROWSER)).andExpect(status().isOk());
		assertThat(total()).as("31 minutes after the one counted").isEqualTo(before + 2);
	}

	@Test
	void theCountedReadersOfThePastWindowAreForgotten() throws Exception {
		this.mvc.perform(read("192.0.2.13", BROWSER)).andExpect(status().isOk());
		this.counter.flush();
		String rows = "SELECT COUNT(*) FROM view_seen WHERE counted_at < ?";
		OffsetDateTime later = this.clock.instant().plusSeconds(1).atOffset(ZoneOffset.UTC);
		assertThat(this.jdbc.queryForObject(rows, Long.class, later)).isPositive();
		this.clock.advance(Duration.ofMinutes(31));
		this.store.forgetOldViews();
		assertThat(this.jdbc.queryForObject(rows, Long.class, later)).isZero();
	}

	/**
	 * Counts go to hourly buckets and the article's total. The page shows the total as of
	 * its rendering: written counts do not make it rendered again (the busiest pages
	 * would be at every flush), so the count shown is at most the page cache's lifetime
	 * old.
	 */
	@Test
	void countsGoToHourlyBucketsAndTheTotalShownOnThePage() throws Exception {
		String shownBefore = shownCount();
		long total = total();
		Long bucket = this.jdbc.queryForObject("""
				SELECT SUM(h.views) FROM article_view_hour h JOIN article a ON a.id = h.article_id WHERE a.slug = ?
				""", Long.class, SLUG);
		assertThat(bucket).isEqualTo(total);
		assertThat(shownCount()).as("the page kept, as rendered").isEqualTo(shownBefore);
		this.clock.advance(Duration.ofSeconds(61));
		// stale now: served as it was once, rendered again after that answer
		assertThat(shownCount()).as("the page stale, as rendered").isEqualTo(shownBefore);
		assertThat(shownCount()).as("after the page cache's lifetime").isEqualTo(String.valueOf(total));
	}

	/** The count an article page shows (the read is counted, not yet written). */
	private String shownCount() throws Exception {
		String page = this.mvc.perform(read("192.0.2.20", BROWSER)).andReturn().getResponse().getContentAsString();
		return org.jsoup.Jsoup.parse(page).selectFirst(".view-count").text();
	}

	@Test
	void botsHeadRequestsAndPrefetchesAreNotCounted() throws Exception {
		long before = total();
		this.mvc.perform(read("192.0.2.30", "Googlebot/2.1 (+http://www.google.com/bot.html)"));
		this.mvc.perform(read("192.0.2.31", "Mozilla/5.0 HeadlessChrome/130"));
		this.mvc.perform(get("/articles/" + SLUG).with((request) -> {
			request.setRemoteAddr("192.0.2.32");
			return request;
		}));
		this.mvc.perform(head("/articles/" + SLUG).header("User-Agent", BROWSER));
		this.mvc.perform(read("192.0.2.33", BROWSER).header("Sec-Purpose", "prefetch;prerender"));
		this.mvc.perform(read("192.0.2.34", BROWSER).header("Purpose", "prefetch"));
		this.mvc.perform(get("/articles/no-such-article").header("User-Agent", BROWSER));
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void signedInStaffAndPreviewsAreNotCounted() throws Exception {
		Cookie session = this.mvc.perform(
				post("/admin/login").param("username", "desk").param("password", "counting-test-secret").with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		long before = total();
		this.mvc.perform(read("192.0.2.40", BROWSER).cookie(session)).andExpect(status().isOk());
		Long id = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, SLUG);
		this.mvc.perform(get("/admin/articles/" + id + "/preview").header("User-Agent", BROWSER).cookie(session))
			.andExpect(status().isOk());
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void countsWaitInMemoryUntilTheFlush() throws Exception {
		long before = total();
		this.mvc.perform(read("192.0.2.50", BROWSER));
		assertThat(this.counter.pending()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT view_count FROM article WHERE slug = ?", Long.class, SLUG))
			.isEqualTo(before);
		this.counter.flush();
		assertThat(this.counter.pending()).isZero();
		assertThat(total()).isEqualTo(before + 1);
	}

}
