package dev.shimbun.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import dev.shimbun.MutableClock;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment rate limits on PostgreSQL, where every instance takes from the same buckets
 * (table {@code comment_rate_bucket}): limiters here stand for instances.
 */
class CommentRateLimitSharedTests {

	static HikariDataSource database;

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

	@BeforeAll
	static void migrate() {
		database = new HikariDataSource();
		database.setJdbcUrl(TestDatabases.newPostgresDatabase());
		database.setUsername("postgres");
		database.setMaximumPoolSize(10);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
	}

	@AfterAll
	static void close() {
		database.close();
	}

	private CommentRateLimiter limiter(Map<String, String> settings) {
		ShimbunProperties properties = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shimbun",
				ShimbunProperties.class);
		return new CommentRateLimiter(properties, new SharedBuckets(database, this.clock));
	}

	private CommentRateLimiter limiter() {
		return limiter(Map.of());
	}

	@Test
	void twentyPostsAtOnceOnTwoInstancesGetFiveThrough() throws Exception {
		List<CommentRateLimiter> instances = List.of(limiter(), limiter());
		CountDownLatch ready = new CountDownLatch(20);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(20);
		List<Future<Boolean>> posts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			CommentRateLimiter instance = instances.get(i % 2);
			posts.add(threads.submit(() -> {
				ready.countDown();
				go.await();
				return instance.tryPost("crowded-client").isZero();
			}));
		}
		ready.await();
		go.countDown();
		int allowed = 0;
		for (Future<Boolean> post : posts) {
			allowed += post.get() ? 1 : 0;
		}
		threads.shutdown();
		assertThat(allowed).isEqualTo(5);
	}

	@Test
	void theApplicationClockRefillsTheBuckets() {
		CommentRateLimiter a = limiter();
		CommentRateLimiter b = limiter();
		for (int i = 0; i < 5; i++) {
			assertThat((i % 2 == 0 ? a : b).tryPost("clocked-client")).isZero();
		}
		Duration wait = b.tryPost("clocked-client");
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		this.clock.advance(wait);
		assertThat(a.tryPost("clocked-client")).isZero();
	}

	@Test
	void reactionsHaveBucketsOfTheirOwn() {
		CommentRateLimiter a = limiter();
		CommentRateLimiter b = limiter();
		for (int i = 0; i < 30; i++) {
			assertThat((i % 2 == 0 ? a : b).tryReact("pressing-client")).isZero();
		}
		assertThat(a.tryReact("pressing-client")).isPositive();
		assertThat(b.tryPost("pressing-client")).as("comments are counted apart").isZero();
	}

	@Test
	void changedLimitsStartWithNewBuckets() {
		CommentRateLimiter before = limiter();
		for (int i = 0; i < 5; i++) {
			before.tryPost("changed-client");
		}
		assertThat(before.tryPost("changed-client")).isPositive();
		CommentRateLimiter after = limiter(Map.of("shimbun.comments.per-minute", "8"));
		for (int i = 0; i < 8; i++) {
			assertThat(after.tryPost("changed-client")).isZero();
		}
		assertThat(after.tryPost("changed-client")).isPositive();
	}

	@Test
	void theCleanupDeletesTheBucketsThatAreFullAgain() {
		// bucket4j dates the rows by the system's clock
		Instant now = Instant.now();
		limiter().tryPost("passing-client");
		JdbcTemplate jdbc = new JdbcTemplate(database);
		CommentRateBucketCleanup cleanup = new CommentRateBucketCleanup(jdbc);
		String rows = "SELECT COUNT(*) FROM comment_rate_bucket WHERE id LIKE '%passing-client'";
		cleanup.deleteExpired(now.plus(Duration.ofHours(23)));
		assertThat(jdbc.queryForObject(rows, Long.class)).as("the day's bucket is not full yet").isOne();
		cleanup.deleteExpired(now.plus(Duration.ofDays(1)).plusSeconds(60));
		assertThat(jdbc.queryForObject(rows, Long.class)).isZero();
	}

}
