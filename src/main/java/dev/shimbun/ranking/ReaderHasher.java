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

	private volatile byte[] secret;

	ReaderHasher(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String hash(String address, String userAgent, LocalDate day) {
		byte[] daySalt = hmac(secret(), day.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(hmac(daySalt, (address + "\n" + userAgent).getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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
