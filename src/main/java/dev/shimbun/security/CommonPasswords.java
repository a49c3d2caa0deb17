package dev.shimbun.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import me.gosimple.nbvcxz.Nbvcxz;

/**
 * Passwords too easy to guess for a staff account, in the spirit of NIST SP 800-63B: one
 * in the list of common passwords that the nbvcxz library ships (the 100 000 most common
 * in breaches), compared without regard to case or full-width letters, or one of them
 * with digits and symbols before or after it ({@code Password2026!}); one character or a
 * short run repeated ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}); a run of the keyboard
 * or alphabet ({@code 1234567890ab}, {@code qwertyuiopas}); or one containing the
 * account's user name or the application's name.
 */
final class CommonPasswords {

	/** The list in the nbvcxz jar, one password a line, most common first. */
	private static final String LIST = "/dictionaries/passwords.txt";

	private static final String[] RUNS = { "01234567890123456789", "abcdefghijklmnopqrstuvwxyz",
			"qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p" };

	/** At most this many digits and symbols around a listed password. */
	private static final int MAX_AROUND = 8;

	/**
	 * 64-bit hashes of the listed passwords, sorted: 0.8 MB instead of the strings' 8.
	 */
	private static final long[] COMMON = load();

	private CommonPasswords() {
	}

	/** Whether a password is too easy to guess for this account. */
	static boolean tooEasy(String password, String username) {
		String plain = Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		if (listed(plain) || repeats(plain) || run(plain) || plain.contains("shimbun")) {
			return true;
		}
		String core = plain.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (core.length() >= 4 && plain.length() - core.length() <= MAX_AROUND && listed(core)) {
			return true;
		}
		if (username != null && username.length() >= 3) {
			return plain.contains(Normalizer.normalize(username, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
		}
		return false;
	}

	/** How many passwords are listed (for the tests). */
	static int listed() {
		return COMMON.length;
	}

	private static boolean listed(String plain) {
		return Arrays.binarySearch(COMMON, hash(plain)) >= 0;
	}

	/** FNV-1a, 64 bits: among 100 000 entries, a false match is a one in 10^14 chance. */
	private static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** One to four characters, repeated. */
	private static boolean repeats(String plain) {
		for (int unit = 1; unit <= 4 && unit < plain.length(); unit++) {
			String first = plain.substring(0, unit);
			if (first.repeat(plain.length() / unit + 1).startsWith(plain)) {
				return true;
			}
		}
		return false;
	}

	/** Part of a run of the alphabet, the digits or the keyboard, either way. */
	private static boolean run(String plain) {
		String reversed = new StringBuilder(plain).reverse().toString();
		for (String run : RUNS) {
			if (run.contains(plain) || run.contains(reversed)) {
				return true;
			}
		}
		return false;
	}

	private static long[] load() {
		Set<Long> common = new HashSet<>();
		try (InputStream in = Nbvcxz.class.getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException("The list of common passwords " + LIST + " is missing from nbvcxz");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String password = line.strip();
				if (!password.isEmpty()) {
					common.add(hash(Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long[] hashes = common.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(hashes);
		return hashes;
	}

}
