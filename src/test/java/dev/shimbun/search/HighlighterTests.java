package dev.shimbun.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import dev.shimbun.search.SearchHit.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The highlighter cuts the text as written while it compares normalised text, whose
 * length differs: characters whose NFKC form (or lower case) is longer or shorter, at the
 * start, in the middle and at the end, with every kind of space, combining marks,
 * surrogate pairs and lone surrogates.
 */
class HighlighterTests {

	/** Every code point whose normalised form has another length than the code point. */
	static final int[] RESIZED = java.util.stream.IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
		.filter((point) -> !Character.isSurrogate((char) point) || point > 0xFFFF)
		.filter((point) -> Character.getType(point) != Character.UNASSIGNED)
		.filter((point) -> {
			String one = new String(Character.toChars(point));
			return SearchText.normalize(one).length() != one.length();
		})
		.toArray();

	static final String[] SPACES = { " ", "\t", "\n", "\u00A0", "\u1680", "\u2000", "\u2007", "\u200A", "\u2028",
			"\u202F", "\u205F", "\u3000", "\u00A8", "\u200B", "\uFEFF" };

	static final String[] MARKS = { "\u0301", "\u0308", "\u0323", "\u3099", "\u309A", "\u20DD", "\uFE0F", "\u1160" };

	static final String[] OTHERS = { "😀", "𠮷", "👨‍👩‍👧", "\uD800", "\uDC00", "\uDBFF\uDBFF", "ﬁ", "ß", "İ", "ǅ",
			"㍿", "ｶﾞ", "Å", "é", "e\u0301", "\u1100\u1161\u11A8" };

	@Test
	void theGeneratedCharactersIncludeTheKnownTroubleMakers() {
		assertThat(RESIZED.length).isGreaterThan(2000);
		for (int known : new int[] { 0x00A8, 0xFB01, 0x337F, 0x0130, 0x2026, 0x00BD, 0x1D400, 0x2F800 }) {
			assertThat(java.util.Arrays.binarySearch(RESIZED, known)).as("U+%04X", known).isNotNegative();
		}
	}

	@Test
	void aQueryWordAfterAnyResizedCharacterIsMarkedWhereItStands() {
		for (int point : RESIZED) {
			String odd = new String(Character.toChars(point));
			for (String text : new String[] { odd + " 核兵器の話", "話の" + odd + " 核兵器 " + odd, "核兵器" + " " + odd }) {
				List<Segment> segments = Highlighter.segments(text, List.of("核兵"));
				assertThat(join(segments)).as("U+%04X", point).isEqualTo(text);
				assertThat(segments).as("U+%04X in %s", point, text)
					.filteredOn(Segment::match)
					.extracting(Segment::text)
					.containsExactly("核兵");
			}
		}
	}

	@Test
	void wordsThatNormaliseToNothingOrSpacesNeverFail() {
		String text = "\u00A0核兵器\u00A8の\u202F話";
		List<String> words = List.of("", " ", SearchText.normalize("\u00A8"), "核兵");
		assertThat(join(Highlighter.segments(text, words))).isEqualTo(text);
		assertThat(Highlighter.snippet(text, words, 80)).isNotNull();
		assertThat(Highlighter.matches("", words)).isEmpty();
	}

	@Test
	void generatedTextsAreCutWithoutFailingAndKeepTheOriginal() {
		Random random = new Random(5_0_5_0L);
		for (int i = 0; i < 3000; i++) {
			String text = generated(random, random.nextInt(120));
			List<String> words = new ArrayList<>();
			for (int w = random.nextInt(4); w >= 0; w--) {
				String typed = generated(random, random.nextInt(6));
				words.add(SearchText.normalize(typed));
				words.addAll(SearchText.runs(SearchText.normalize(typed)));
			}
			if (!text.isEmpty() && random.nextBoolean()) {
				// a word cut from the text itself, so that something matches
				int from = random.nextInt(text.length());
				words.add(SearchText.normalize(text.substring(from, Math.min(text.length(), from + 3))));
			}
			String shown = escaped(text) + " " + words.stream().map(HighlighterTests::escaped).toList();
			assertThatCode(() -> {
				assertThat(join(Highlighter.segments(text, words))).isEqualTo(text);
				List<Segment> snippet = Highlighter.snippet(text, words, SearchService.SNIPPET_LENGTH);
				if (snippet != null) {
					String inner = snippet.stream()
						.map(Segment::text)
						.collect(Collectors.joining())
						.replaceAll("^…|…$", "");
					assertThat(text).contains(inner);
				}
			}).as(shown).doesNotThrowAnyException();
		}
	}

	@Test
	void matchesCoverWholeCharactersOfTheOriginal() {
		String text = "ﬁnal Ｓｐａｍ ｶﾞｷﾞ e\u0301te\u0301";
		assertThat(marked(text, "fi")).containsExactly("ﬁ");
		assertThat(marked(text, "spam")).containsExactly("Ｓｐａｍ");
		assertThat(marked(text, "ガギ")).containsExactly("ｶﾞｷﾞ");
		assertThat(marked(text, "été")).containsExactly("e\u0301te\u0301");
	}

	private static List<String> marked(String text, String word) {
		String normalized = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return Highlighter.segments(text, List.of(normalized))
			.stream()
			.filter(Segment::match)
			.map(Segment::text)
			.toList();
	}

	static String generated(Random random, int pieces) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < pieces; i++) {
			switch (random.nextInt(6)) {
				case 0 -> text.appendCodePoint(RESIZED[random.nextInt(RESIZED.length)]);
				case 1 -> text.append(SPACES[random.nextInt(SPACES.length)]);
				case 2 -> text.append(MARKS[random.nextInt(MARKS.length)]);
				case 3 -> text.append(OTHERS[random.nextInt(OTHERS.length)]);
				case 4 -> text.append((char) random.nextInt(0x10000));
				default -> text.append("核兵器のabcアイウ".charAt(random.nextInt(10)));
			}
		}
		return text.toString();
	}

	private static String join(List<Segment> segments) {
		return segments.stream().map(Segment::text).collect(Collectors.joining());
	}

	static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((unit) -> escaped.append(String.format("\\u%04x", unit)));
		return escaped.toString();
	}

}
