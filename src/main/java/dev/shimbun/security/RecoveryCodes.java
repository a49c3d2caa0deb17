package dev.shimbun.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes: ten of them, each ten letters and digits (50 bits) written
 * {@code xxxxx-xxxxx}, without the easily confused 0/o, 1/l/i. They are random enough
 * that a SHA-256 of each is all that needs storing.
 */
final class RecoveryCodes {

	/** How many an account gets. */
	static final int COUNT = 10;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> newCodes() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int n = 0; n < COUNT; n++) {
			StringBuilder code = new StringBuilder(LENGTH + 1);
			for (int i = 0; i < LENGTH; i++) {
				if (i == LENGTH / 2) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * A code as typed, made plain (full-width letters, capitals, spaces and hyphens do
	 * not matter); null when it cannot be one.
	 */
	static String normalize(String typed) {
		if (typed == null || typed.length() > 64) {
			return null;
		}
		String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s-]", "");
		return plain.matches("[" + ALPHABET + "]{" + LENGTH + "}") ? plain : null;
	}

	/** What is stored of a code (normalized first). */
	static String hash(String normalized) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
