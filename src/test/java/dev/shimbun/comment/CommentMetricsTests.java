package dev.shimbun.comment;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.MutableClock;
import dev.shimbun.observability.Prometheus;
import dev.shimbun.support.SiteTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Posted and refused comments in /actuator/prometheus: one series per refusal reason,
 * each counting up when a comment is refused for it.
 */
@SiteTest
class CommentMetricsTests {

	private static final String ARTICLE = "/articles/why-we-yawn";

	private static final AtomicInteger clients = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CommentRulesRepository rules;

	private String client;

	@BeforeEach
	void newClient() {
		this.client = "198.51.100." + (100 + clients.getAndIncrement());
		this.clock.advance(Duration.ofDays(1));
	}

	private MockHttpServletRequestBuilder comment(String body) {
		return post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with((request) -> {
				request.setRemoteAddr(this.client);
				return request;
			});
	}

	private double posted() throws Exception {
		return Prometheus.scrape(this.mvc).sum("shimbun_comments_posted_total");
	}

	private double refused(String reason) throws Exception {
		return Prometheus.scrape(this.mvc).sum("shimbun_comments_refused_total", "reason=\"" + reason + "\"");
	}

	/**
	 * On a registry of its own, so that nothing else has counted yet: every series is
	 * there at zero before anything happens, and a refusal adds one to its reason's
	 * series and nothing to the others. The application's scrape shows them all.
	 */
	@Test
	void everyReasonHasASeriesFromTheStart() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		CommentMetrics metrics = new CommentMetrics(registry);
		Map<String, Double> counts = refusedCounts(registry);
		assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(CommentMetrics.Refusal.values()).map(CommentMetrics.Refusal::tag).toList());
		assertThat(counts.values()).containsOnly(0.0);
		assertThat(registry.find("shimbun.comments.posted").counters())
			.extracting((counter) -> counter.getId().getTag("status"), Counter::count)
			.containsExactlyInAnyOrder(tuple("visible", 0.0), tuple("pending", 0.0));

		for (CommentMetrics.Refusal refusal : CommentMetrics.Refusal.values()) {
			Map<String, Double> before = refusedCounts(registry);
			metrics.refused(refusal);
			Map<String, Double> expected = new HashMap<>(before);
			expected.merge(refusal.tag(), 1.0, Double::sum);
			assertThat(refusedCounts(registry)).as(refusal.tag()).isEqualTo(expected);
		}

		Prometheus scrape = Prometheus.scrape(this.mvc);
		for (CommentMetrics.Refusal refusal : CommentMetrics.Refusal.values()) {
			assertThatNoException().as(refusal.tag())
				.isThrownBy(() -> scrape.sum("shimbun_comments_refused_total", "reason=\"" + refusal.tag() + "\""));
		}
		assertThatNoException().isThrownBy(() -> scrape.sum("shimbun_comments_posted_total", "status=\"visible\""));
		assertThatNoException().isThrownBy(() -> scrape.sum("shimbun_comments_posted_total", "status=\"pending\""));
	}

	private static Map<String, Double> refusedCounts(SimpleMeterRegistry registry) {
		Map<String, Double> counts = new HashMap<>();
		for (Counter counter : registry.find("shimbun.comments.refused").counters()) {
			assertThat(counts.put(counter.getId().getTag("reason"), counter.count())).isNull();
		}
		return counts;
	}

	@Test
	void aPostedCommentCountsOnce() throws Exception {
		double before = posted();
		this.mvc.perform(comment("数えられるコメント")).andExpect(status().isFound());
		assertThat(posted()).isEqualTo(before + 1);
	}

	@Test
	void aDuplicateCountsAsRefusedNotPosted() throws Exception {
		this.mvc.perform(comment("二度目は断られる")).andExpect(status().isFound());
		double posted = posted();
		double duplicates = refused("duplicate");
		this.mvc.perform(comment("二度目は断られる")).andExpect(status().isUnprocessableContent());
		assertThat(refused("duplicate")).isEqualTo(duplicates + 1);
		assertThat(posted()).isEqualTo(posted);
	}

	@Test
	void eachRefusalCountsUnderItsReason() throws Exception {
		double validation = refused("validation");
		this.mvc.perform(comment("")).andExpect(status().isUnprocessableContent());
		assertThat(refused("validation")).isEqualTo(validation + 1);

		double honeypot = refused("honeypot");
		this.mvc.perform(comment("宣伝").param("website", "http://spam.example")).andExpect(status().isFound());
		assertThat(refused("honeypot")).isEqualTo(honeypot + 1);

		double crossSite = refused("cross_site");
		this.mvc.perform(post(ARTICLE + "/comments").header("Origin", "https://evil.example").param("body", "偽"))
			.andExpect(status().isForbidden());
		assertThat(refused("cross_site")).isEqualTo(crossSite + 1);
	}

	@Test
	void aBannedWordCountsUnderItsReason() throws Exception {
		CommentRules saved = this.rules.findById(CommentRules.ID).orElseThrow();
		String banned = saved.getBannedWords();
		saved.change("計測用の禁句", saved.getSuspectWords(), saved.getMaxLinks());
		this.rules.save(saved);
		try {
			double before = refused("banned_word");
			this.mvc.perform(comment("これは計測用の禁句です")).andExpect(status().isUnprocessableContent());
			assertThat(refused("banned_word")).isEqualTo(before + 1);
		}
		finally {
			CommentRules current = this.rules.findById(CommentRules.ID).orElseThrow();
			current.change(banned, current.getSuspectWords(), current.getMaxLinks());
			this.rules.save(current);
		}
	}

	@Test
	void aBurstCountsAsRateLimited() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(comment("連投 " + i)).andExpect(status().isFound());
		}
		double before = refused("rate_limited");
		this.mvc.perform(comment("連投 6")).andExpect(status().isTooManyRequests());
		assertThat(refused("rate_limited")).isEqualTo(before + 1);
	}

}
