package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Rate-limit buckets in the PostgreSQL database that every instance shares (table
 * {@value #TABLE}): each take reads the bucket's row with {@code SELECT ... FOR UPDATE},
 * computes and writes it back in a short transaction on a connection of its own, so takes
 * on one bucket wait for each other whichever instance they run on. Time is the
 * application's clock (bucket4j's client-side clock), not the database's, so that tests
 * can move it. A row's {@code expires_at} is when its bucket would be full again (which
 * bucket4j computes by the system's clock, not the buckets' one); then
 * {@link CommentRateBucketCleanup} deletes it, as a missing row is a full bucket.
 */
final class SharedBuckets implements BiFunction<String, Supplier<BucketConfiguration>, Bucket> {

	static final String TABLE = "comment_rate_bucket";

	private final ProxyManager<String> proxies;

	SharedBuckets(DataSource dataSource, Clock clock) {
		this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.clientClock(CommentRateLimiter.timeOf(clock))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
	}

	@Override
	public Bucket apply(String key, Supplier<BucketConfiguration> configuration) {
		return this.proxies.builder().build(key, configuration);
	}

}
