package dev.shimbun.comment;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Banned and suspect words are found whatever invisible characters are hidden inside them
 * and whatever width, case or compatibility form they are typed in, in the body and in
 * the nickname; invisible characters are not stored, except those an emoji needs.
 */
class CommentWordMatchingTests {

	/**
	 * Every format character (general category Cf) and every other default-ignorable code
	 * point: zero-width space, soft hyphen, word joiner, BOM, U+180E, bidi marks, tags,
	 * variation selectors, Hangul fillers…
	 */
	static final int[] INVISIBLE = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
		.filter(CommentText::isInvisible)
		.filter((point) -> Character.getType(point) != Character.UNASSIGNED)
		.toArray();

	private static final Transliterator TO_FULL_WIDTH = Transliterator.getInstance("Halfwidth-Fullwidth");

	private static final Transliterator TO_HALF_WIDTH = Transliterator.getInstance("Fullwidth-Halfwidth");

	private static final List<String> WORDS = List.of("spam", "禁句", "ガキ", "Viagra", "casino");

	private final CommentRules rules = new CommentRules(String.join("\n", WORDS), "要注意\nsuspect", 2);

	@Test
	void theInvisibleCharactersIncludeTheKnownOnes() {
		for (int known : new int[] { 0x200B, 0x00AD, 0x2060, 0xFEFF, 0x180E, 0x200E, 0x200F, 0x202E, 0x2066, 0xE0041,
				0xFE0F, 0xE0100, 0x3164, 0x034F, 0x200D }) {
			assertThat(java.util.Arrays.binarySearch(INVISIBLE, known)).as("U+%04X", known).isNotNegative();
		}
	}

	@Test
	void everyInvisibleCharacterInsideABannedWordIsSeenThrough() {
		for (int point : INVISIBLE) {
			String hidden = "sp" + new String(Character.toChars(point)) + "am";
			assertThat(this.rules.bannedWordIn(CommentText.normalize("これは" + hidden + "です")))
				.as("U+%04X in the body", point)
				.isEqualTo("spam");
			assertThat(this.rules.bannedWordIn(hidden)).as("U+%04X as typed", point).isEqualTo("spam");
		}
	}

	@Test
	void generatedVariantsOfBannedWordsAreRefusedInBodiesAndNicknames() {
		Random random = new Random(7_7_7L);
		for (int i = 0; i < 2000; i++) {
			String word = WORDS.get(random.nextInt(WORDS.size()));
			String variant = variant(random, word);
			String text = random.nextBoolean() ? "ふつうの文 " + variant + " です" : variant;
			String nickname = random.nextBoolean() ? CommentText.normalize(text).replace('\n', ' ') : "読者";
			String body = nickname.equals("読者") ? CommentText.normalize(text) : "本文";
			assertThat(this.rules.bannedWordIn(nickname + "\n" + body)).as("%s: %s", word, escaped(variant))
				.isEqualTo(word);
		}
	}

	@Test
	void suspectWordsAreMatchedTheSameWay() {
		assertThat(this.rules.queueReasonFor("ＳＵＳ\u200BＰＥＣＴ")).isEqualTo("要注意語: suspect");
		assertThat(this.rules.queueReasonFor("要\u00AD注\u2060意")).isEqualTo("要注意語: 要注意");
	}

	@Test
	void textsWithoutTheWordsAreNotRefused() {
		assertThat(this.rules.bannedWordIn("sp am, spa-m, 禁止の句, カギ")).isNull();
		// a listed word that is only invisible characters matches nothing
		CommentRules invisibleOnly = new CommentRules("\u200B\n\u00AD\u2060\nspam", "", 2);
		assertThat(invisibleOnly.bannedWordIn("ふつうのコメント")).isNull();
		assertThat(invisibleOnly.bannedWordIn("ｓｐａｍ")).isEqualTo("spam");
	}

	@Test
	void storedTextLosesInvisibleCharactersButKeepsEmojiSequences() {
		Random random = new Random(42L);
		String[] emoji = { "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇯🇵", "1️⃣", "❤️",
				"🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", "葛\uDB40\uDD00",
				"👩🏽‍💻" };
		for (int i = 0; i < 1000; i++) {
			StringBuilder typed = new StringBuilder();
			StringBuilder expected = new StringBuilder();
			for (int piece = 0; piece < 6; piece++) {
				int hidden = INVISIBLE[random.nextInt(INVISIBLE.length)];
				if (random.nextBoolean()) {
					String one = emoji[random.nextInt(emoji.length)];
					typed.append(one);
					expected.append(one);
					// after an emoji, a joiner, selector or tag could be part of it
					while (hidden == 0x200D || (hidden >= 0xFE00 && hidden <= 0xFE0F) || hidden >= 0xE0000) {
						hidden = INVISIBLE[random.nextInt(INVISIBLE.length)];
					}
				}
				else {
					String letters = "あいう".substring(0, 1 + random.nextInt(3));
					typed.append(letters);
					expected.append(letters);
				}
				typed.appendCodePoint(hidden);
			}
			String stored = CommentText.normalize(typed.toString());
			assertThat(stored).as(escaped(typed.toString())).isEqualTo(expected.toString());
		}
	}

	@Test
	void joinersOfJoiningScriptsAreKept() {
		String persian = "می\u200Cخواهم";
		String devanagari = "क्\u200Dष";
		assertThat(CommentText.normalize(persian)).isEqualTo(persian);
		assertThat(CommentText.normalize(devanagari)).isEqualTo(devanagari);
		assertThat(CommentText.normalize("s\u200Cp\u200Da\u200Bm")).isEqualTo("spam");
	}

	/**
	 * The word with invisible characters inside, in full width, half width or upper case,
	 * or with compatibility characters (ligatures, circled or mathematical letters).
	 */
	static String variant(Random random, String word) {
		String shaped = switch (random.nextInt(6)) {
			case 0 -> TO_FULL_WIDTH.transliterate(word);
			case 1 -> TO_HALF_WIDTH.transliterate(word);
			case 2 -> word.toUpperCase(Locale.ROOT);
			case 3 -> compatibility(random, word);
			case 4 -> TO_FULL_WIDTH.transliterate(word.toUpperCase(Locale.ROOT));
			default -> word;
		};
		StringBuilder variant = new StringBuilder();
		int[] points = shaped.codePoints().toArray();
		for (int i = 0; i < points.length; i++) {
			variant.appendCodePoint(points[i]);
			int hidden = (i < points.length - 1) ? random.nextInt(3) : 0;
			for (int h = 0; h < hidden; h++) {
				variant.appendCodePoint(INVISIBLE[random.nextInt(INVISIBLE.length)]);
			}
		}
		return variant.toString();
	}

	/** Latin letters as mathematical bold, circled or the fi ligature. */
	private static String compatibility(Random random, String word) {
		StringBuilder shaped = new StringBuilder();
		for (int point : word.codePoints().toArray()) {
			if (point >= 'a' && point <= 'z') {
				switch (random.nextInt(3)) {
					case 0 -> shaped.appendCodePoint(0x1D41A + (point - 'a'));
					case 1 -> shaped.appendCodePoint(0x24D0 + (point - 'a'));
					default -> shaped.appendCodePoint(point);
				}
			}
			else if (point >= 'A' && point <= 'Z') {
				shaped.appendCodePoint(0x1D400 + (point - 'A'));
			}
			else {
				shaped.appendCodePoint(point);
			}
		}
		return shaped.toString();
	}

	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((unit) -> escaped.append(String.format("\\u%04x", unit)));
		return escaped.toString();
	}

}
