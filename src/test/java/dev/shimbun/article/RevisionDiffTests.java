package dev.shimbun.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import dev.shimbun.article.DiffLine.Piece;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison of two revisions works on the text as written: a change touching
 * {@code < > & " '} marks those characters, never pieces of their escaped forms, and
 * never splits a surrogate pair, an emoji sequence or a letter from its marks.
 */
class RevisionDiffTests {

	private static final String[] ALPHABET = { "<", ">", "&", "\"", "'", "a", "b", ";", "l", "t", "g", "&lt;", "&amp;",
			"あ", "漢", "𠮷", "😀", "👨\u200D👩\u200D👧", "🇯🇵", "e\u0301", "か\u3099", " " };

	@Test
	void aChangeOfOneSpecialCharacterMarksExactlyThatCharacter() {
		for (String[] change : new String[][] { { "<", ">" }, { ">", "<" }, { "&", "<" }, { "\"", "'" }, { "'", "&" },
				{ "𠮷", "吉" }, { "😀", "😁" }, { "e\u0301", "e" }, { "👨\u200D👩\u200D👧", "👨\u200D👩\u200D👦" } }) {
			DiffLine line = RevisionDiff.changed("見出し: a " + change[0] + " b", "見出し: a " + change[1] + " b");
			assertThat(changed(line.older())).as("%s → %s", change[0], change[1]).containsExactly(change[0]);
			assertThat(changed(line.newer())).as("%s → %s", change[0], change[1]).containsExactly(change[1]);
			assertThat(text(line.older())).isEqualTo("見出し: a " + change[0] + " b");
		}
	}

	@Test
	void textThatLooksEscapedIsComparedAsWritten() {
		DiffLine line = RevisionDiff.changed("x &gt; y", "x &lt; y");
		assertThat(changed(line.older())).containsExactly("g");
		assertThat(changed(line.newer())).containsExactly("l");
		DiffLine symbols = RevisionDiff.changed("<b>太字</b>", "<i>太字</i>");
		assertThat(text(symbols.newer())).isEqualTo("<i>太字</i>");
		assertThat(changed(symbols.older())).containsExactly("b", "b");
	}

	@Test
	void linesAreAddedRemovedAndChangedAsWholes() {
		List<DiffLine> lines = RevisionDiff.compare(List.of("見出し: A", "段落: <p>", "段落: 消える"),
				List.of("見出し: B", "段落: <p>", "段落: 増える & \"引用\"", "段落: 新しい"));
		assertThat(lines).extracting(DiffLine::tag).containsExactly("CHANGE", "EQUAL", "CHANGE", "INSERT");
		assertThat(text(lines.get(3).newer())).isEqualTo("段落: 新しい");
		assertThat(lines.get(3).older()).isEmpty();
		List<DiffLine> removed = RevisionDiff.compare(List.of("a", "b"), List.of("a"));
		assertThat(removed).extracting(DiffLine::tag).containsExactly("EQUAL", "DELETE");
	}

	@Test
	void generatedChangesKeepBothTextsWholeAndCutOnlyBetweenCharacters() {
		Random random = new Random(7_2L);
		for (int i = 0; i < 2000; i++) {
			String before = generated(random);
			String after = mutated(random, before);
			DiffLine line = RevisionDiff.changed(before, after);
			String shown = before + " → " + after;
			assertThat(text(line.older())).as(shown).isEqualTo(before);
			assertThat(text(line.newer())).as(shown).isEqualTo(after);
			assertThat(unchanged(line.older())).as(shown).isEqualTo(unchanged(line.newer()));
			assertCutBetweenGraphemes(before, line.older(), shown);
			assertCutBetweenGraphemes(after, line.newer(), shown);
		}
	}

	@Test
	void veryLongChangedLinesAreMarkedWithoutComparingEveryCharacter() {
		String before = "段落: " + "あ".repeat(5000);
		String after = "段落: " + "い".repeat(5000);
		DiffLine line = RevisionDiff.changed(before, after);
		assertThat(changed(line.older())).containsExactly("あ".repeat(5000));
		assertThat(changed(line.newer())).containsExactly("い".repeat(5000));
	}

	private static void assertCutBetweenGraphemes(String text, List<Piece> pieces, String shown) {
		List<Integer> boundaries = new ArrayList<>();
		int at = 0;
		for (String grapheme : RevisionDiff.graphemes(text)) {
			boundaries.add(at);
			at += grapheme.length();
		}
		boundaries.add(at);
		int cut = 0;
		for (Piece piece : pieces) {
			assertThat(piece.text()).as(shown).isNotEmpty();
			cut += piece.text().length();
			assertThat(boundaries).as(shown).contains(cut);
		}
	}

	static String generated(Random random) {
		StringBuilder text = new StringBuilder("段落: ");
		int length = random.nextInt(30);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return text.toString();
	}

	/** The text with a few characters replaced, inserted or removed. */
	static String mutated(Random random, String text) {
		List<String> graphemes = new ArrayList<>(RevisionDiff.graphemes(text));
		int changes = 1 + random.nextInt(4);
		for (int i = 0; i < changes; i++) {
			int at = random.nextInt(graphemes.size() + 1);
			String one = ALPHABET[random.nextInt(ALPHABET.length)];
			switch (random.nextInt(3)) {
				case 0 -> graphemes.add(at, one);
				case 1 -> {
					if (at < graphemes.size()) {
						graphemes.remove(at);
					}
				}
				default -> {
					if (at < graphemes.size()) {
						graphemes.set(at, one);
					}
				}
			}
		}
		return String.join("", graphemes);
	}

	private static String text(List<Piece> pieces) {
		return pieces.stream().map(Piece::text).collect(Collectors.joining());
	}

	private static String unchanged(List<Piece> pieces) {
		return pieces.stream().filter((piece) -> !piece.changed()).map(Piece::text).collect(Collectors.joining());
	}

	private static List<String> changed(List<Piece> pieces) {
		return pieces.stream().filter(Piece::changed).map(Piece::text).toList();
	}

}
