package dev.shimbun.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one-time codes, recovery codes and the second-factor requirement in the database
 * (V21). A code's single use is one conditional statement, so that it holds across
 * instances.
 */
@Repository
class StaffFactorRepository {

	private final JdbcTemplate jdbc;

	StaffFactorRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	SecondFactorRequirement requirement() {
		return SecondFactorRequirement.valueOf(this.jdbc
			.queryForObject("SELECT second_factor_required FROM staff_security_policy WHERE id = 1", String.class));
	}

	void changeRequirement(SecondFactorRequirement requirement) {
		this.jdbc.update("UPDATE staff_security_policy SET second_factor_required = ? WHERE id = 1",
				requirement.name());
	}

	/** The account's one-time code, if it has one. */
	Optional<TotpRow> totp(Long userId) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT secret, created_at, last_used_at FROM staff_totp WHERE user_id = ?", userId);
		return rows.stream()
			.findFirst()
			.map((row) -> new TotpRow((String) row.get("secret"), instant(row.get("created_at")),
					instant(row.get("last_used_at"))));
	}

	/** Turns the code on, with the step whose code confirmed it as used. */
	void saveTotp(Long userId, String secret, long confirmedStep, Instant now) {
		this.jdbc.update("DELETE FROM staff_totp WHERE user_id = ?", userId);
		this.jdbc.update("INSERT INTO staff_totp (user_id, secret, last_step, created_at) VALUES (?, ?, ?, ?)", userId,
				secret, confirmedStep, utc(now));
	}

	/**
	 * Takes a step's code: true for the one request (on any instance) that moves the last
	 * step used past it.
	 */
	boolean takeStep(Long userId, long step, Instant now) {
		return this.jdbc.update(
				"UPDATE staff_totp SET last_step = ?, last_used_at = ? WHERE user_id = ? AND last_step < ?", step,
				utc(now), userId, step) == 1;
	}

	/** Removes the code and the recovery codes. */
	void removeTotp(Long userId) {
		this.jdbc.update("DELETE FROM staff_totp WHERE user_id = ?", userId);
		this.jdbc.update("DELETE FROM staff_recovery_code WHERE user_id = ?", userId);
	}

	/** Replaces the recovery codes with these (hashed). */
	void replaceRecoveryCodes(Long userId, List<String> hashes, Instant now) {
		this.jdbc.update("DELETE FROM staff_recovery_code WHERE user_id = ?", userId);
		for (String hash : hashes) {
			this.jdbc.update("INSERT INTO staff_recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)",
					userId, hash, utc(now));
		}
	}

	/** Uses up a recovery code: true for the one request that deletes it. */
	boolean takeRecoveryCode(Long userId, String hash) {
		return this.jdbc.update("DELETE FROM staff_recovery_code WHERE user_id = ? AND code_hash = ?", userId,
				hash) == 1;
	}

	int recoveryCodesLeft(Long userId) {
		Integer left = this.jdbc.queryForObject("SELECT COUNT(*) FROM staff_recovery_code WHERE user_id = ?",
				Integer.class, userId);
		return (left != null) ? left : 0;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		throw new IllegalStateException("Unexpected time " + value.getClass());
	}

	/** An account's one-time code. */
	record TotpRow(String secret, Instant created, Instant lastUsed) {
	}

}
