package dev.shimbun.ranking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reader without cookies: a hash of address and user agent with a salt that changes
 * every day (derived from a secret kept in the database, the same on every instance). The
 * same reader is the same hash for a day and cannot be followed from one day to the next.
 */
@Component
class ReaderHasher {

	static final String SECRET_NAME = "view-reader-hash";

	private final JdbcTemplate jdbc;

	/**
	 * Each thread's Mac keyed with the day's salt: looking the algorithm up and keying it
	 * on every read cost more than the hash itself.
	 */
	private static final ThreadLocal<DayMac> DAY_MACS = new ThreadLocal<>();

	private volatile byte[] secret;

	private volatile DaySalt salt;

	ReaderHasher(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String hash(String address, String userAgent, LocalDate day) {
		byte[] salt = daySalt(day);
		DayMac keyed = DAY_MACS.get();
		// the same cached array, not equal bytes
		if (keyed == null || keyed.salt() != salt) { // NOPMD
			keyed = new DayMac(salt, keyedMac(salt));
			DAY_MACS.set(keyed);
		}
		return HexFormat.of()
			.formatHex(keyed.mac().doFinal((address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8)));
	}

	/** The salt of a day, computed once a day rather than on every read. */
	private byte[] daySalt(LocalDate day) {
		DaySalt current = this.salt;
		if (current == null || !current.day().equals(day)) {
			current = new DaySalt(day, keyedMac(secret()).doFinal(day.toString().getBytes(StandardCharsets.UTF_8)));
			this.salt = current;
		}
		return current.salt();
	}

	private static Mac keyedMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record DaySalt(LocalDate day, byte[] salt) {
	}

	/** A thread's Mac, keyed with a day's salt. */
	private record DayMac(byte[] salt, Mac mac) {
	}

	private byte[] secret() {
		byte[] current = this.secret;
		if (current == null) {
			synchronized (this) {
				current = this.secret;
				if (current == null) {
					current = Base64.getDecoder().decode(loadOrCreate());
					this.secret = current;
				}
			}
		}
		return current;
	}

	private String loadOrCreate() {
		String sql = "SELECT secret FROM site_secret WHERE name = ?";
		return this.jdbc.queryForList(sql, String.class, SECRET_NAME).stream().findFirst().orElseGet(() -> {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String created = Base64.getEncoder().encodeToString(random);
			try {
				this.jdbc.update("INSERT INTO site_secret (name, secret) VALUES (?, ?)", SECRET_NAME, created);
				return created;
			}
			catch (DataIntegrityViolationException ex) {
				return this.jdbc.queryForObject(sql, String.class, SECRET_NAME);
			}
		});
	}

}
