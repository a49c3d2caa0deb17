package dev.shimbun.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keys that let a reader edit or take back their own comment for a while after
 * posting. A key is 256 random bits, given once to the page's script that posted the
 * comment (never in a cookie); the database keeps only its SHA-256, which is enough for a
 * key this long: it cannot be guessed from the hash.
 */
final class EditKeys {

	private static final SecureRandom random = new SecureRandom();

	private EditKeys() {
	}

	/** A new key, URL-safe Base64 without padding (43 characters). */
	static String newKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** What is stored of a key: its SHA-256, in hex. */
	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}

	/**
	 * Whether a key sent by a reader is the one whose hash is stored, compared in
	 * constant time.
	 */
	static boolean matches(String key, String storedHash) {
		if (key == null || storedHash == null || key.isEmpty() || key.length() > 100) {
			return false;
		}
		return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
