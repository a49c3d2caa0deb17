package dev.shimbun.security;

/**
 * The rules of a staff password. bcrypt reads at most 72 bytes of a password (in UTF-8:
 * 72 ASCII letters, but only 24 kana or kanji), so a longer one is refused rather than
 * cut short without a word.
 */
final class StaffPasswords {

	/** The fewest characters. */
	static final int MIN_LENGTH = 12;

	/** The most bytes in UTF-8. */
	static final int MAX_BYTES = 72;

	private StaffPasswords() {
	}

	/** Whether a password is at most {@value #MAX_BYTES} bytes long in UTF-8. */
	static boolean fits(String password) {
		return password == null || utf8Length(password) <= MAX_BYTES;
	}

	/** How many bytes the text takes in UTF-8 (an unpaired surrogate as one '?'). */
	static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				bytes += 1;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/**
	 * Whether a password of the right length is too easy to guess for this account
	 * ({@link CommonPasswords}).
	 */
	static boolean tooEasy(String password, String username) {
		return password != null && CommonPasswords.tooEasy(password, username);
	}

	/**
	 * What is wrong with a password chosen for an account, as a message for the operator,
	 * or null when it will do.
	 */
	static String problem(String password, String username) {
		String problem = problem(password);
		if (problem == null && tooEasy(password, username)) {
			return "it is too easy to guess (a common password, a run of keys or letters, or it contains the user name)";
		}
		return problem;
	}

	/**
	 * What is wrong with a password's length, as a message for the operator, or null when
	 * it will do.
	 */
	static String problem(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return "it must have at least " + MIN_LENGTH + " characters";
		}
		int bytes = utf8Length(password);
		if (bytes > MAX_BYTES) {
			return "it is " + bytes + " bytes long in UTF-8, and bcrypt takes at most " + MAX_BYTES
					+ " (an ASCII character is 1 byte, a kana or kanji 3)";
		}
		return null;
	}

}
