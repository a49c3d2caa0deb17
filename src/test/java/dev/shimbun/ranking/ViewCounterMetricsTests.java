package dev.shimbun.ranking;

import java.time.Duration;

import dev.shimbun.MutableClock;
import dev.shimbun.observability.Prometheus;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The view counter in /actuator/prometheus: how long since counts were written, how many
 * wait, and the dedupe cache's hits and misses.
 */
@SiteTest
class ViewCounterMetricsTests {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Safari/537.36";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ViewCounter counter;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void startClean() {
		this.counter.flush();
		this.counter.forgetRecentReads();
	}

	private MockHttpServletRequestBuilder read(String address) {
		return get("/articles/" + ViewCountingTests.SLUG).header("User-Agent", BROWSER).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	@Test
	void pendingCountsAndFlushLagRiseUntilAFlush() throws Exception {
		Prometheus scrape = Prometheus.scrape(this.mvc);
		assertThat(scrape.sum("shimbun_views_pending")).isZero();
		assertThat(scrape.sum("shimbun_views_flush_lag_seconds")).isZero();

		this.mvc.perform(read("192.0.2.60")).andExpect(status().isOk());
		this.mvc.perform(read("192.0.2.61")).andExpect(status().isOk());
		this.clock.advance(Duration.ofSeconds(90));
		scrape = Prometheus.scrape(this.mvc);
		assertThat(scrape.sum("shimbun_views_pending")).isEqualTo(2);
		assertThat(scrape.sum("shimbun_views_flush_lag_seconds")).isEqualTo(90);

		this.counter.flush();
		scrape = Prometheus.scrape(this.mvc);
		assertThat(scrape.sum("shimbun_views_pending")).isZero();
		assertThat(scrape.sum("shimbun_views_flush_lag_seconds")).isZero();
	}

	@Test
	void repeatedReadsAreHitsOfTheDedupeCache() throws Exception {
		String cache = "cache=\"views.recent-reads\"";
		Prometheus before = Prometheus.scrape(this.mvc);
		this.mvc.perform(read("192.0.2.70")).andExpect(status().isOk());
		this.mvc.perform(read("192.0.2.70")).andExpect(status().isOk());
		this.mvc.perform(read("192.0.2.70")).andExpect(status().isOk());
		Prometheus after = Prometheus.scrape(this.mvc);
		assertThat(after.sum("cache_gets_total", cache, "result=\"miss\""))
			.isEqualTo(before.sum("cache_gets_total", cache, "result=\"miss\"") + 1);
		assertThat(after.sum("cache_gets_total", cache, "result=\"hit\""))
			.isEqualTo(before.sum("cache_gets_total", cache, "result=\"hit\"") + 2);
		assertThatNoException().as("the comments' rate-limit cache is measured too")
			.isThrownBy(() -> after.sum("cache_size", "cache=\"comments.rate-limits\""));
	}

}
