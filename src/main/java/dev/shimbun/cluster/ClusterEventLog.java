package dev.shimbun.cluster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code cluster_event} table: announced changes, in the order they were written. */
@Repository
class ClusterEventLog {

	private final JdbcTemplate jdbc;

	ClusterEventLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The highest id written so far, 0 when there is none. */
	long highestId() {
		Long max = this.jdbc.queryForObject("SELECT MAX(id) FROM cluster_event", Long.class);
		return (max != null) ? max : 0;
	}

	List<Long> idsAfter(long id) {
		return this.jdbc.queryForList("SELECT id FROM cluster_event WHERE id > ?", Long.class, id);
	}

	/** Writes a change, in the current transaction if there is one. */
	void append(String topic, String key, String origin, Instant at) {
		this.jdbc.update("INSERT INTO cluster_event (topic, item_key, origin, created_at) VALUES (?, ?, ?, ?)", topic,
				key, origin, at.atOffset(ZoneOffset.UTC));
	}

	/** The changes written after this id, oldest first. */
	List<Entry> after(long id) {
		return this.jdbc.query("SELECT id, topic, item_key, origin FROM cluster_event WHERE id > ? ORDER BY id",
				(result, n) -> new Entry(result.getLong("id"), result.getString("topic"), result.getString("item_key"),
						result.getString("origin")),
				id);
	}

	void deleteBefore(Instant at) {
		this.jdbc.update("DELETE FROM cluster_event WHERE created_at < ?", at.atOffset(ZoneOffset.UTC));
	}

	/** One announced change. */
	record Entry(long id, String topic, String key, String origin) {
	}

}
