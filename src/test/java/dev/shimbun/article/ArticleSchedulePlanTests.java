package dev.shimbun.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.shimbun.support.H2Plans;
import dev.shimbun.support.H2Plans.Plan;
import dev.shimbun.support.H2Plans.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule is looked up at every edit and applied every 30 seconds: on a site of 40
 * 000 articles each must read the few articles with a time to come or just passed, not
 * every article (H2 read them all for {@code or} and {@code in}).
 */
@DataJpaTest(showSql = false, properties = H2Plans.CAPTURE_STATEMENTS)
@AutoConfigureTestDatabase(replace = Replace.NONE)
// ANALYZE commits: each statement commits, and the articles are deleted after each test
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ ArticleSchedule.class, ArticleScheduledChanges.class, ArticleSchedulePlanTests.FixedClock.class })
class ArticleSchedulePlanTests {

	private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ArticleSchedule schedule;

	@Autowired
	private ArticleScheduledChanges changes;

	@BeforeEach
	void aLargeSiteWithAFewTimes() {
		H2Plans.publishedArticles(this.jdbc, 40_000, at(Duration.ofDays(-1)), at(Duration.ofDays(-1)));
		set("plan-1", "SCHEDULED", Duration.ofMinutes(-1), null);
		set("plan-2", "SCHEDULED", Duration.ofHours(3), null);
		set("plan-3", "PUBLISHED", Duration.ofDays(-1), Duration.ofMinutes(-2));
		set("plan-4", "PUBLISHED", Duration.ofDays(-1), Duration.ofHours(2));
		set("plan-5", "UNPUBLISHED", Duration.ofDays(-1), Duration.ofDays(-2));
		set("plan-6", "DRAFT", Duration.ofMinutes(-3), Duration.ofMinutes(-1));
		this.jdbc.execute("ANALYZE");
	}

	@AfterEach
	void deleteTheArticles() {
		H2Plans.deleteArticles(this.jdbc);
	}

	@Test
	void applyingTheScheduleChangesTheArticlesDueAndReadsOnlyThem() {
		Statements.clear();
		assertThat(this.schedule.apply()).isEqualTo(2);

		assertThat(status("plan-1")).isEqualTo("PUBLISHED");
		assertThat(status("plan-2")).isEqualTo("SCHEDULED");
		assertThat(status("plan-3")).isEqualTo("UNPUBLISHED");
		assertThat(status("plan-4")).isEqualTo("PUBLISHED");
		assertThat(status("plan-5")).isEqualTo("UNPUBLISHED");
		assertThat(status("plan-6")).isEqualTo("DRAFT");
		Plan publication = H2Plans.rowsRead(this.jdbc, Statements.only("published_at<=?"), at(Duration.ZERO));
		assertThat(publication.rows()).as(publication.text()).isLessThan(10);
		Plan unpublishing = H2Plans.rowsRead(this.jdbc, Statements.only("unpublish_at>=?"),
				ArticleSchedule.EARLIEST_UNPUBLISH_TIME.atOffset(ZoneOffset.UTC), at(Duration.ZERO));
		assertThat(unpublishing.rows()).as(unpublishing.text()).isLessThan(10);
	}

	@Test
	void theNextChangeIsTheEarliestTimeToComeAndReadsOnlyIt() {
		assertThat(this.changes.nextAfter(NOW)).isEqualTo(Optional.of(NOW.plus(Duration.ofHours(2))));
		this.jdbc.update("UPDATE article SET unpublish_at = NULL WHERE slug = 'plan-4'");
		assertThat(this.changes.nextAfter(NOW)).isEqualTo(Optional.of(NOW.plus(Duration.ofHours(3))));

		Plan plan = H2Plans.rowsRead(this.jdbc, ArticleScheduledChanges.NEXT, at(Duration.ZERO), at(Duration.ZERO),
				at(Duration.ZERO));
		assertThat(plan.rows()).as(plan.text()).isLessThan(10);
	}

	private void set(String slug, String status, Duration publishedIn, Duration unpublishedIn) {
		this.jdbc.update("UPDATE article SET status = ?, published_at = ?, unpublish_at = ? WHERE slug = ?", status,
				at(publishedIn), (unpublishedIn != null) ? at(unpublishedIn) : null, slug);
	}

	private String status(String slug) {
		return this.jdbc.queryForObject("SELECT status FROM article WHERE slug = ?", String.class, slug);
	}

	private static OffsetDateTime at(Duration from) {
		return NOW.plus(from).atOffset(ZoneOffset.UTC);
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
