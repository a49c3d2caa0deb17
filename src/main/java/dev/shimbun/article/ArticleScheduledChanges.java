package dev.shimbun.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.shimbun.pagecache.ScheduledChanges;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The next time an article appears on the site or leaves it by its schedule: the earliest
 * publication time to come of an article scheduled or published, or the earliest
 * unpublish time to come.
 */
@Component
class ArticleScheduledChanges implements ScheduledChanges {

	private final JdbcTemplate jdbc;

	ArticleScheduledChanges(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Instant> nextAfter(Instant now) {
		OffsetDateTime after = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime publish = this.jdbc.queryForObject(
				"SELECT MIN(published_at) FROM article WHERE status IN ('SCHEDULED', 'PUBLISHED') AND published_at > ?",
				OffsetDateTime.class, after);
		OffsetDateTime unpublish = this.jdbc.queryForObject(
				"SELECT MIN(unpublish_at) FROM article WHERE unpublish_at > ?", OffsetDateTime.class, after);
		return Stream.of(publish, unpublish)
			.filter(Objects::nonNull)
			.map(OffsetDateTime::toInstant)
			.min(Instant::compareTo);
	}

}
