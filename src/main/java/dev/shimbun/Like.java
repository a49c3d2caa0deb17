package dev.shimbun;

import java.util.Locale;

/**
 * {@code LIKE} patterns for "contains this text, whatever the case". The text's own
 * {@code %}, {@code _} and {@code !} are escaped with {@code !}, so a query must say
 * {@code ESCAPE '!'} (JPQL and SQL alike) and compare with the lower-cased column.
 */
public final class Like {

	/** The escape character that queries using these patterns declare. */
	public static final char ESCAPE = '!';

	private Like() {
	}

	/**
	 * The pattern matching any text that contains this one, lower-cased and stripped;
	 * null for null or blank text (no filter).
	 */
	public static String contains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

}
