package dev.shimbun.article;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.ibm.icu.text.BreakIterator;
import dev.shimbun.article.DiffLine.Piece;

/**
 * Compares two revisions as text: lines first, then, within a changed line, characters as
 * readers see them (grapheme clusters, so that a surrogate pair, an emoji sequence or a
 * letter with its marks is never split). The result is plain text in pieces; nothing is
 * escaped here, so no change can cut through an escaped character.
 */
final class RevisionDiff {

	/**
	 * Changed parts of a line longer than this (in characters, both sides together) are
	 * marked as a whole rather than character by character, to bound the work.
	 */
	static final int MAX_INLINE = 4000;

	private RevisionDiff() {
	}

	static List<DiffLine> compare(List<String> older, List<String> newer) {
		List<DiffLine> lines = new ArrayList<>();
		int atOld = 0;
		List<AbstractDelta<String>> deltas = DiffUtils.diff(older, newer, new MyersDiffWithLinearSpace<String>())
			.getDeltas();
		int d = 0;
		while (d < deltas.size()) {
			int fromOld = deltas.get(d).getSource().getPosition();
			int fromNew = deltas.get(d).getTarget().getPosition();
			for (; atOld < fromOld; atOld++) {
				lines.add(equal(older.get(atOld)));
			}
			// touching deletions and insertions are one change
			int toOld = fromOld;
			int toNew = fromNew;
			while (d < deltas.size() && deltas.get(d).getSource().getPosition() == toOld
					&& deltas.get(d).getTarget().getPosition() == toNew) {
				toOld += deltas.get(d).getSource().size();
				toNew += deltas.get(d).getTarget().size();
				d++;
			}
			List<String> removed = older.subList(fromOld, toOld);
			List<String> added = newer.subList(fromNew, toNew);
			int paired = Math.min(removed.size(), added.size());
			for (int i = 0; i < paired; i++) {
				lines.add(changed(removed.get(i), added.get(i)));
			}
			for (int i = paired; i < removed.size(); i++) {
				lines.add(new DiffLine("DELETE", whole(removed.get(i)), List.of()));
			}
			for (int i = paired; i < added.size(); i++) {
				lines.add(new DiffLine("INSERT", List.of(), whole(added.get(i))));
			}
			atOld = toOld;
		}
		for (; atOld < older.size(); atOld++) {
			lines.add(equal(older.get(atOld)));
		}
		return lines;
	}

	private static DiffLine equal(String line) {
		List<Piece> same = List.of(new Piece(line, false));
		return new DiffLine("EQUAL", same, same);
	}

	private static List<Piece> whole(String line) {
		return line.isEmpty() ? List.of() : List.of(new Piece(line, true));
	}

	/** Two versions of a line, the characters that differ marked on each side. */
	static DiffLine changed(String before, String after) {
		List<String> a = graphemes(before);
		List<String> b = graphemes(after);
		int prefix = 0;
		while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < a.size() - prefix && suffix < b.size() - prefix
				&& a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
			suffix++;
		}
		List<String> middleA = a.subList(prefix, a.size() - suffix);
		List<String> middleB = b.subList(prefix, b.size() - suffix);
		Pieces older = new Pieces();
		Pieces newer = new Pieces();
		older.add(a.subList(0, prefix), false);
		newer.add(b.subList(0, prefix), false);
		if (middleA.size() + middleB.size() > MAX_INLINE) {
			older.add(middleA, true);
			newer.add(middleB, true);
		}
		else {
			int atA = 0;
			int atB = 0;
			for (AbstractDelta<String> delta : DiffUtils.diff(middleA, middleB, new MyersDiffWithLinearSpace<String>())
				.getDeltas()) {
				int fromA = delta.getSource().getPosition();
				int fromB = delta.getTarget().getPosition();
				older.add(middleA.subList(atA, fromA), false);
				newer.add(middleB.subList(atB, fromB), false);
				older.add(delta.getSource().getLines(), true);
				newer.add(delta.getTarget().getLines(), true);
				atA = fromA + delta.getSource().size();
				atB = fromB + delta.getTarget().size();
			}
			older.add(middleA.subList(atA, middleA.size()), false);
			newer.add(middleB.subList(atB, middleB.size()), false);
		}
		older.add(a.subList(a.size() - suffix, a.size()), false);
		newer.add(b.subList(b.size() - suffix, b.size()), false);
		return new DiffLine("CHANGE", older.pieces, newer.pieces);
	}

	/** The characters of a text as readers count them. */
	static List<String> graphemes(String text) {
		List<String> graphemes = new ArrayList<>();
		BreakIterator breaks = BreakIterator.getCharacterInstance();
		breaks.setText(text);
		int start = breaks.first();
		for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
			graphemes.add(text.substring(start, end));
		}
		return graphemes;
	}

	/** Pieces of one side, neighbours of the same kind joined. */
	private static final class Pieces {

		private final List<Piece> pieces = new ArrayList<>();

		void add(List<String> graphemes, boolean changed) {
			if (graphemes.isEmpty()) {
				return;
			}
			String text = String.join("", graphemes);
			int last = this.pieces.size() - 1;
			if (last >= 0 && this.pieces.get(last).changed() == changed) {
				this.pieces.set(last, new Piece(this.pieces.get(last).text() + text, changed));
			}
			else {
				this.pieces.add(new Piece(text, changed));
			}
		}

	}

}
