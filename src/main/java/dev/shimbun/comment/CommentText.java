package dev.shimbun.comment;

import java.text.Normalizer;

import com.ibm.icu.text.BreakIterator;

/**
 * Comment text as readers see it. Text is NFC-normalised, line breaks become {@code \n},
 * other control characters are removed and the ends trimmed; its length is counted in
 * extended grapheme clusters (an emoji with modifiers, a flag or a letter with combining
 * marks counts once), the same rule as {@code Intl.Segmenter} in the browser.
 */
final class CommentText {

	private CommentText() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder kept = new StringBuilder(nfc.length());
		nfc.codePoints().forEach((codePoint) -> {
			if (codePoint == '\n' || !isControl(codePoint)) {
				kept.appendCodePoint(codePoint);
			}
		});
		return kept.toString().strip();
	}

	/**
	 * Control and format characters that have no place in a comment (ZWJ and variation
	 * selectors stay).
	 */
	private static boolean isControl(int codePoint) {
		int type = Character.getType(codePoint);
		if (type == Character.CONTROL) {
			return true;
		}
		// bidirectional overrides and isolates can disguise text
		return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	/** The number of characters a reader sees. */
	static int length(String text) {
		BreakIterator graphemes = BreakIterator.getCharacterInstance();
		graphemes.setText(text);
		int count = 0;
		while (graphemes.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}

}
