package dev.shimbun.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text is cut for the search index: normalised (NFKC, lower case) and split into runs
 * of letters or digits; each run gives its overlapping pairs and its last letter.
 */
final class SearchText {

	private SearchText() {
	}

	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** The runs of letters or digits of a normalised text. */
	static List<String> runs(String normalized) {
		List<String> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		normalized.codePoints().forEach((point) -> {
			if (Character.isLetterOrDigit(point)) {
				run.appendCodePoint(point);
			}
			else if (!run.isEmpty()) {
				runs.add(run.toString());
				run.setLength(0);
			}
		});
		if (!run.isEmpty()) {
			runs.add(run.toString());
		}
		return runs;
	}

	/** The pairs of a run, in order. */
	static List<String> pairs(String run) {
		int[] points = run.codePoints().toArray();
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < points.length; i++) {
			pairs.add(new String(points, i, 2));
		}
		return pairs;
	}

	/** What the index holds for a text: the pairs and the last letter of every run. */
	static Set<String> grams(String text) {
		Set<String> grams = new LinkedHashSet<>();
		for (String run : runs(normalize(text))) {
			grams.addAll(pairs(run));
			grams.add(new String(Character.toChars(run.codePointBefore(run.length()))));
		}
		return grams;
	}

}
