package dev.shimbun;

import com.ibm.icu.text.BreakIterator;

/**
 * Characters as a reader counts them: grapheme clusters, so that an emoji with its
 * modifiers, a letter with combining marks or a flag counts as one (the editor's script
 * counts the same way with {@code Intl.Segmenter}): for the comment limits and the
 * editor's counts alike.
 */
public final class Graphemes {

	private Graphemes() {
	}

	/** The characters of the text as a reader counts them; none for null. */
	public static int count(String text) {
		if (text == null || text.isEmpty()) {
			return 0;
		}
		BreakIterator characters = BreakIterator.getCharacterInstance();
		characters.setText(text);
		int count = 0;
		while (characters.next() != BreakIterator.DONE) {
			count++;
		}
		return count;
	}

}
