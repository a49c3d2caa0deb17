package dev.shimbun.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.ibm.icu.text.Normalizer2;
import dev.shimbun.search.SearchHit.Segment;

/**
 * Marks where the words of a query occur in a text, comparing normalised text (as the
 * index does) but cutting the original, so that the reader sees what was written.
 */
final class Highlighter {

	/** Code points shown before the first match in a snippet. */
	private static final int LEAD = 20;

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private Highlighter() {
	}

	/** The whole text as segments, the matches marked. */
	static List<Segment> segments(String text, List<String> words) {
		return cut(text, matches(text, words), 0, text.length());
	}

	/**
	 * About {@code length} code points of the text around its first match, or
	 * {@code null} if the text does not match.
	 */
	static List<Segment> snippet(String text, List<String> words, int length) {
		List<int[]> matches = matches(text, words);
		if (matches.isEmpty()) {
			return null;
		}
		int first = matches.get(0)[0];
		int before = text.codePointCount(0, first);
		int start = text.offsetByCodePoints(0, Math.max(0, before - LEAD));
		int available = text.codePointCount(start, text.length());
		int end = (available <= length) ? text.length() : text.offsetByCodePoints(start, length);
		List<Segment> segments = new ArrayList<>();
		if (start > 0) {
			segments.add(new Segment("…", false));
		}
		segments.addAll(cut(text, matches, start, end));
		if (end < text.length()) {
			segments.add(new Segment("…", false));
		}
		return segments;
	}

	/**
	 * Ranges [start, end) of the original text that match a word, merged, in order.
	 * Normalising changes lengths (NFKC turns U+00A8 into a space and a combining mark,
	 * expands ligatures and composes marks; lower-casing may lengthen a letter), so the
	 * normalised text is never used to index the original: the text is cut into pieces at
	 * normalisation boundaries, each piece normalised on its own, and every normalised
	 * character remembers the piece of the original it came from.
	 */
	static List<int[]> matches(String text, List<String> words) {
		StringBuilder normalized = new StringBuilder();
		List<Integer> starts = new ArrayList<>();
		List<Integer> ends = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = nextBoundary(text, start);
			String piece = SearchText.normalize(text.substring(start, end));
			for (int j = 0; j < piece.length(); j++) {
				starts.add(start);
				ends.add(end);
			}
			normalized.append(piece);
			start = end;
		}
		List<int[]> found = new ArrayList<>();
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			for (int at = normalized.indexOf(word); at >= 0; at = normalized.indexOf(word, at + 1)) {
				found.add(new int[] { starts.get(at), ends.get(at + word.length() - 1) });
			}
		}
		found.sort(Comparator.comparingInt((int[] range) -> range[0]));
		List<int[]> merged = new ArrayList<>();
		for (int[] range : found) {
			int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && range[0] <= last[1]) {
				last[1] = Math.max(last[1], range[1]);
			}
			else {
				merged.add(range.clone());
			}
		}
		return merged;
	}

	/**
	 * Where the piece of text that starts at {@code start} ends: before the next code
	 * point that begins a new normalisation unit (not a combining mark or a conjoining
	 * jamo that normalisation would join to what comes before).
	 */
	private static int nextBoundary(String text, int start) {
		int end = start + Character.charCount(text.codePointAt(start));
		while (end < text.length()) {
			int point = text.codePointAt(end);
			if (NFKC.hasBoundaryBefore(point)) {
				break;
			}
			end += Character.charCount(point);
		}
		return end;
	}

	private static List<Segment> cut(String text, List<int[]> matches, int from, int to) {
		List<Segment> segments = new ArrayList<>();
		int at = from;
		for (int[] match : matches) {
			int start = Math.max(match[0], from);
			int end = Math.min(match[1], to);
			if (start >= end || end <= at) {
				continue;
			}
			start = Math.max(start, at);
			if (start > at) {
				segments.add(new Segment(text.substring(at, start), false));
			}
			segments.add(new Segment(text.substring(start, end), true));
			at = end;
		}
		if (at < to) {
			segments.add(new Segment(text.substring(at, to), false));
		}
		return segments;
	}

}
