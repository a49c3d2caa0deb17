package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.observability.CacheMetrics;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Comments per client: by default 5 a minute and 50 a day (token buckets, bucket4j). The
 * buckets live in this instance's memory, bounded by a cache; with several instances a
 * client may post up to the limits on each (see README). The cache is in the metrics
 * ({@code cache=comments.rate-limits}): a size at the maximum with many evictions means
 * that clients' limits start again too early.
 */
@Component
class CommentRateLimiter implements MeterBinder {

	private final Cache<String, Bucket> buckets;

	private final Cache<String, Bucket> reactionBuckets;

	private final ShimbunProperties.Comments limits;

	private final TimeMeter time;

	CommentRateLimiter(ShimbunProperties properties, Clock clock) {
		this.limits = properties.comments();
		this.time = new ClockTimeMeter(clock);
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

	@Override
	public void bindTo(MeterRegistry registry) {
		CacheMetrics.monitor(registry, this.buckets, "comments.rate-limits");
	}

	/**
	 * Takes one comment from the client's allowance; when there is none, says how long to
	 * wait.
	 */
	Duration tryPost(String clientHash) {
		Bucket bucket = this.buckets.get(clientHash, (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/**
	 * Takes one reaction from the client's allowance (by default 30 a minute); when there
	 * is none, says how long to wait.
	 */
	Duration tryReact(String clientHash) {
		Bucket bucket = this.reactionBuckets.get(clientHash,
				(key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.limits.reactionsPerMinute())
						.refillIntervally(this.limits.reactionsPerMinute(), Duration.ofMinutes(1)))
					.withCustomTimePrecision(this.time)
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.limits.perMinute())
				.refillIntervally(this.limits.perMinute(), Duration.ofMinutes(1)))
			.addLimit((limit) -> limit.capacity(this.limits.perDay())
				.refillIntervally(this.limits.perDay(), Duration.ofDays(1)))
			.withCustomTimePrecision(this.time)
			.build();
	}

	/** bucket4j's time from the application clock, so that tests can move it. */
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
