package dev.shimbun.comment;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, once per cluster: deletes the shared rate-limit buckets that are
 * full again ({@link SharedBuckets}); a client without a row starts with a full bucket,
 * so nothing changes for anyone. On H2 the table is empty and this deletes nothing.
 */
@Component
class CommentRateBucketCleanup {

	private static final Logger logger = LoggerFactory.getLogger(CommentRateBucketCleanup.class);

	private final JdbcTemplate jdbc;

	CommentRateBucketCleanup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@SchedulerLock(name = "comment-rate-bucket-cleanup", lockAtLeastFor = "PT1M")
	void deleteFullBuckets() {
		try {
			// bucket4j writes expires_at by the system's clock, whatever the buckets' own
			// clock (the application's) says
			deleteExpired(Instant.now());
		}
		catch (DataAccessException ex) {
			logger.warn("Could not delete old rate-limit buckets: {}", ex.getMessage());
		}
	}

	/** Deletes the buckets that are full again at this moment. */
	int deleteExpired(Instant now) {
		return this.jdbc.update("DELETE FROM " + SharedBuckets.TABLE + " WHERE expires_at < ?", now.toEpochMilli());
	}

}
