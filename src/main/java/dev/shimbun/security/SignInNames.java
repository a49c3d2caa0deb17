package dev.shimbun.security;

/**
 * What a sign-in try gives as its user name is any text at all (empty, control
 * characters, broken UTF-8, 10 000 characters). Before it is stored (sign-in attempts,
 * audit log) or looked up, it is made safe here.
 */
final class SignInNames {

	/**
	 * The longest user name of an account, and what the attempt and audit tables keep.
	 */
	static final int MAX_LENGTH = 60;

	private static final int REPLACEMENT = '\uFFFD';

	private SignInNames() {
	}

	/**
	 * The name as it is recorded: control and format characters and unpaired surrogates
	 * replaced by U+FFFD, cut to at most {@value #MAX_LENGTH} UTF-16 units (and so code
	 * points) without splitting a surrogate pair.
	 */
	static String forRecord(String name) {
		if (name == null) {
			return "";
		}
		StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
		int i = 0;
		while (i < name.length()) {
			int codePoint = name.codePointAt(i);
			i += Character.charCount(codePoint);
			int kept = isSafe(codePoint) ? codePoint : REPLACEMENT;
			if (safe.length() + Character.charCount(kept) > MAX_LENGTH) {
				break;
			}
			safe.appendCodePoint(kept);
		}
		return safe.toString();
	}

	/**
	 * Whether the name could belong to an account; others are refused without a look in
	 * the database.
	 */
	static boolean couldBeStaff(String name) {
		return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && name.equals(forRecord(name));
	}

	private static boolean isSafe(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
	}

}
