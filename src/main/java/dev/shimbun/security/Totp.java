package dev.shimbun.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238, as authenticator apps make them): HMAC-SHA1 over
 * 30-second steps since the epoch, six digits.
 */
final class Totp {

	/** Seconds in a step. */
	static final int STEP_SECONDS = 30;

	/** Digits in a code. */
	static final int DIGITS = 6;

	/** Bytes of a secret: 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
	static final int SECRET_BYTES = 20;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new random secret, in Base32 as authenticator apps take it. */
	static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return base32(secret);
	}

	/** The step an instant falls in. */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of a step, with leading zeros. */
	static String code(String base32Secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(fromBase32(base32Secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int code = binary % 1_000_000;
			return String.format("%06d", code);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA1", ex);
		}
	}

	/**
	 * The step, within one of {@code now} either way, whose code this is; or -1. Compared
	 * in constant time.
	 */
	static long matchingStep(String base32Secret, String code, long now) {
		long found = -1;
		byte[] given = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		for (long step = now - 1; step <= now + 1; step++) {
			byte[] expected = code(base32Secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, given) && found < 0) {
				found = step;
			}
		}
		return found;
	}

	/**
	 * A code as typed, made plain: full-width digits become ASCII, spaces and hyphens go.
	 * Null when what is left is not six digits.
	 */
	static String normalize(String typed) {
		if (typed == null || typed.length() > 64) {
			return null;
		}
		String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
		return plain.matches("[0-9]{" + DIGITS + "}") ? plain : null;
	}

	/**
	 * The address an authenticator app reads from the QR code
	 * ({@code otpauth://totp/...}, the Key Uri Format).
	 */
	static String uri(String issuer, String account, String base32Secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	/** The secret in groups of four, easier to type by hand. */
	static String grouped(String base32Secret) {
		return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return text.toString();
	}

	static byte[] fromBase32(String text) {
		String clean = text.replace(" ", "").replace("=", "").toUpperCase(java.util.Locale.ROOT);
		ByteBuffer bytes = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < clean.length(); i++) {
			int value = BASE32.indexOf(clean.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return bytes.array();
	}

}
