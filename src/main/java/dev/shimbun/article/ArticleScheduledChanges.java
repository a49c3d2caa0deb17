package dev.shimbun.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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

	/**
	 * The earliest time to come, one status at a time: with {@code status IN (...)} H2
	 * read the whole (status, publication time) index to find it, every article of the
	 * site, at every edit; with one status it reads one entry.
	 */
	static final String NEXT = """
			SELECT MIN(next_time) FROM (
				SELECT MIN(published_at) AS next_time FROM article WHERE status = 'SCHEDULED' AND published_at > ?
				UNION ALL
				SELECT MIN(published_at) FROM article WHERE status = 'PUBLISHED' AND published_at > ?
				UNION ALL
				SELECT MIN(unpublish_at) FROM article WHERE unpublish_at > ?
			) next_times""";

	@Override
	public Optional<Instant> nextAfter(Instant now) {
		OffsetDateTime after = now.atOffset(ZoneOffset.UTC);
		return Optional.ofNullable(this.jdbc.queryForObject(NEXT, OffsetDateTime.class, after, after, after))
			.map(OffsetDateTime::toInstant);
	}

}
