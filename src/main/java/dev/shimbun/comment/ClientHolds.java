package dev.shimbun.comment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Clients a moderator put on pre-moderation, until when: their comments and edits wait
 * for a moderator meanwhile.
 */
@Repository
class ClientHolds {

	private final JdbcTemplate jdbc;

	ClientHolds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds the client until the given time, replacing any hold before. */
	void hold(String clientHash, Instant until, Instant now) {
		this.jdbc.update("DELETE FROM comment_client_hold WHERE client_hash = ?", clientHash);
		this.jdbc.update("INSERT INTO comment_client_hold (client_hash, held_until, created_at) VALUES (?, ?, ?)",
				clientHash, Timestamp.from(until), Timestamp.from(now));
	}

	void release(String clientHash) {
		this.jdbc.update("DELETE FROM comment_client_hold WHERE client_hash = ?", clientHash);
	}

	/** Until when the client is held, if it is held at the given time. */
	Optional<Instant> heldUntil(String clientHash, Instant now) {
		List<Timestamp> until = this.jdbc.queryForList(
				"SELECT held_until FROM comment_client_hold WHERE client_hash = ? AND held_until > ?", Timestamp.class,
				clientHash, Timestamp.from(now));
		return until.isEmpty() ? Optional.empty() : Optional.of(until.get(0).toInstant());
	}

}
