package dev.shimbun.comment;

import java.text.Normalizer;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;

/**
 * Comment text as readers see it. Text is NFC-normalised, line breaks become {@code \n},
 * other control characters and invisible characters (except those an emoji sequence or a
 * joining script needs) are removed and the ends trimmed; its length is counted in
 * extended grapheme clusters (an emoji with modifiers, a flag or a letter with combining
 * marks counts once), the same rule as {@code Intl.Segmenter} in the browser.
 */
final class CommentText {

	private static final int ZWJ = 0x200D;

	private static final int ZWNJ = 0x200C;

	/** The base of subdivision flags (🏴 followed by tag characters). */
	private static final int BLACK_FLAG = 0x1F3F4;

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private CommentText() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
		int[] points = nfc.codePoints().toArray();
		StringBuilder kept = new StringBuilder(nfc.length());
		int previous = -1;
		for (int i = 0; i < points.length; i++) {
			int point = points[i];
			int next = (i + 1 < points.length) ? points[i + 1] : -1;
			if (point == '\n' || (!isControl(point) && (!isInvisible(point) || isNeeded(previous, point, next)))) {
				kept.appendCodePoint(point);
				previous = point;
			}
		}
		return kept.toString().strip();
	}

	/** A nickname as stored: normalised, and on one line (line breaks become spaces). */
	static String normalizeNickname(String text) {
		return normalize(text).replace('\n', ' ');
	}

	/**
	 * Text as the banned and suspect words are matched: without invisible characters,
	 * NFKC-normalised and case-folded (full-width and half-width forms, ligatures and
	 * compatibility characters match their plain letters, {@code ｓｐａｍ} matches
	 * {@code spam}, {@code ｶﾞ} matches {@code ガ}).
	 */
	static String fold(String text) {
		return withoutInvisible(NFKC_CASEFOLD.normalize(withoutInvisible(text)));
	}

	private static String withoutInvisible(String text) {
		StringBuilder visible = new StringBuilder(text.length());
		text.codePoints().filter((point) -> !isInvisible(point)).forEach(visible::appendCodePoint);
		return visible.toString();
	}

	/** Control characters, which have no place in a comment (line breaks are kept). */
	private static boolean isControl(int codePoint) {
		return Character.getType(codePoint) == Character.CONTROL;
	}

	/**
	 * Characters that take no room on screen: format characters (general category Cf:
	 * zero-width space, soft hyphen, word joiner, byte order mark, bidirectional marks,
	 * tag characters…) and the other default-ignorable code points (variation selectors,
	 * Hangul fillers, the combining grapheme joiner…). They can hide a word inside
	 * another from a filter.
	 */
	static boolean isInvisible(int point) {
		return Character.getType(point) == Character.FORMAT
				|| UCharacter.hasBinaryProperty(point, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
	}

	/**
	 * Whether an invisible character is part of what readers see: a zero-width joiner
	 * inside an emoji sequence (👨‍👩‍👧) or between letters of a script that joins
	 * (Arabic, Indic scripts), a zero-width non-joiner between such letters, a variation
	 * selector after an emoji or an ideograph (✔️, 葛󠄀), and the tags of a subdivision
	 * flag.
	 */
	private static boolean isNeeded(int previous, int point, int next) {
		if (previous < 0) {
			return false;
		}
		if (point == ZWJ) {
			return (isEmoji(previous) && next >= 0 && isEmoji(next)) || (joins(previous) && next >= 0 && joins(next));
		}
		if (point == ZWNJ) {
			return joins(previous) && next >= 0 && joins(next);
		}
		if (point == 0xFE0E || point == 0xFE0F) {
			// text or emoji presentation; Emoji includes the digits, # and * of keycaps
			// (1️⃣)
			return UCharacter.hasBinaryProperty(previous, UProperty.EMOJI)
					|| UCharacter.hasBinaryProperty(previous, UProperty.IDEOGRAPHIC);
		}
		if ((point >= 0xFE00 && point <= 0xFE0D) || (point >= 0xE0100 && point <= 0xE01EF)) {
			// standardised and ideographic variation sequences (異体字)
			return UCharacter.hasBinaryProperty(previous, UProperty.IDEOGRAPHIC);
		}
		if (point >= 0x180B && point <= 0x180F && point != 0x180E) {
			return UScript.getScript(previous) == UScript.MONGOLIAN;
		}
		if (point >= 0xE0020 && point <= 0xE007F) {
			return previous == BLACK_FLAG || (previous >= 0xE0020 && previous <= 0xE007E);
		}
		return false;
	}

	private static boolean isEmoji(int point) {
		return UCharacter.hasBinaryProperty(point, UProperty.EXTENDED_PICTOGRAPHIC)
				|| UCharacter.hasBinaryProperty(point, UProperty.EMOJI_MODIFIER)
				|| (UCharacter.hasBinaryProperty(point, UProperty.EMOJI) && point > 0x7F) || point == 0xFE0F;
	}

	/** Letters and marks of scripts in which joiners change how letters are drawn. */
	private static boolean joins(int point) {
		if (!Character.isLetter(point) && Character.getType(point) != Character.NON_SPACING_MARK
				&& Character.getType(point) != Character.COMBINING_SPACING_MARK) {
			return false;
		}
		int script = UScript.getScript(point);
		return script != UScript.LATIN && script != UScript.COMMON && script != UScript.INHERITED
				&& script != UScript.HAN && script != UScript.HIRAGANA && script != UScript.KATAKANA
				&& script != UScript.HANGUL && script != UScript.GREEK && script != UScript.CYRILLIC;
	}

}
