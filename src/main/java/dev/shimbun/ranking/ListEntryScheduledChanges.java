package dev.shimbun.ranking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.shimbun.pagecache.ScheduledChanges;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The next time an entry of a curated list appears or leaves by its schedule: the
 * earliest start or end time to come.
 */
@Component
class ListEntryScheduledChanges implements ScheduledChanges {

	private final JdbcTemplate jdbc;

	ListEntryScheduledChanges(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Instant> nextAfter(Instant now) {
		OffsetDateTime after = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime next = this.jdbc.queryForObject("""
				SELECT MIN(t) FROM (
					SELECT MIN(starts_at) AS t FROM curated_list_entry WHERE starts_at > ?
					UNION ALL SELECT MIN(ends_at) AS t FROM curated_list_entry WHERE ends_at > ?
				) times""", OffsetDateTime.class, after, after);
		return Optional.ofNullable(next).map(OffsetDateTime::toInstant);
	}

}
