package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.observability.CacheMetrics;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Comments per client: by default 5 a minute and 50 a day, and 30 reactions a minute
 * (token buckets, bucket4j). Where the buckets live is chosen by
 * {@link CommentRateLimitConfiguration}: on PostgreSQL in a table that every instance
 * shares ({@link SharedBuckets}), so that N instances allow what one allows; on the
 * embedded H2 database (one instance) in this instance's memory.
 * <p>
 * A bucket's key holds its limits, so that changed limits start with new buckets. The
 * handles of the buckets are kept in a bounded cache, in the metrics as
 * {@code cache=comments.rate-limits}: in memory a size at the maximum with many evictions
 * means that clients' limits start again too early; with shared buckets an eviction costs
 * nothing, as the bucket's state is in the database.
 * <p>
 * With shared buckets a token is taken on a connection of its own: callers take it before
 * their transaction begins, never inside one, so that no thread ever holds two
 * connections of the pool.
 */
class CommentRateLimiter implements MeterBinder {

	private final Cache<String, Bucket> buckets;

	private final Cache<String, Bucket> reactionBuckets;

	private final BiFunction<String, Supplier<BucketConfiguration>, Bucket> store;

	private final BucketConfiguration comments;

	private final BucketConfiguration reactions;

	private final String commentsKey;

	private final String reactionsKey;

	/**
	 * @param store makes the bucket of a key, from its configuration when it has none yet
	 */
	CommentRateLimiter(ShimbunProperties properties, BiFunction<String, Supplier<BucketConfiguration>, Bucket> store) {
		ShimbunProperties.Comments limits = properties.comments();
		this.store = store;
		this.comments = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(limits.perMinute())
				.refillIntervally(limits.perMinute(), Duration.ofMinutes(1)))
			.addLimit((limit) -> limit.capacity(limits.perDay()).refillIntervally(limits.perDay(), Duration.ofDays(1)))
			.build();
		this.reactions = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(limits.reactionsPerMinute())
				.refillIntervally(limits.reactionsPerMinute(), Duration.ofMinutes(1)))
			.build();
		this.commentsKey = "comments:" + limits.perMinute() + "m" + limits.perDay() + "d:";
		this.reactionsKey = "reactions:" + limits.reactionsPerMinute() + "m:";
		this.buckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofDays(1))
			.recordStats()
			.build();
		this.reactionBuckets = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
	}

	/** Buckets in this instance's memory, on the application's clock. */
	static BiFunction<String, Supplier<BucketConfiguration>, Bucket> inMemory(Clock clock) {
		TimeMeter time = timeOf(clock);
		return (key, configuration) -> {
			LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
			for (Bandwidth bandwidth : configuration.get().getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		};
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		CacheMetrics.monitor(registry, this.buckets, "comments.rate-limits");
	}

	/**
	 * Takes one comment from the client's allowance; when there is none, says how long to
	 * wait.
	 */
	Duration tryPost(String clientHash) {
		String key = this.commentsKey + clientHash;
		return take(this.buckets.get(key, (k) -> this.store.apply(k, () -> this.comments)));
	}

	/**
	 * Takes one reaction from the client's allowance (by default 30 a minute); when there
	 * is none, says how long to wait.
	 */
	Duration tryReact(String clientHash) {
		String key = this.reactionsKey + clientHash;
		return take(this.reactionBuckets.get(key, (k) -> this.store.apply(k, () -> this.reactions)));
	}

	private static Duration take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** bucket4j's time from the application clock, so that tests can move it. */
	static TimeMeter timeOf(Clock clock) {
		return new ClockTimeMeter(clock);
	}

	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return TimeUnit.MILLISECONDS.toNanos(this.clock.millis());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
