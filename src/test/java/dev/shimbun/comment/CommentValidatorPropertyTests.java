package dev.shimbun.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the comment validator over generated text: 500 cases each, from fixed
 * seeds so that a failure is the same on every run.
 */
class CommentValidatorPropertyTests {

	private static final int TRIES = 500;

	/**
	 * Characters as readers see them: emoji with modifiers, flags, ZWJ sequences and
	 * letters with combining marks, besides the generated letters, kana and kanji.
	 */
	private static final String[] CLUSTERS = { "👍🏽", "🇯🇵", "🇺🇸", "👨‍👩‍👧‍👦", "🏳️‍🌈", "が", "か\u3099", "é",
			"e\u0301", "🙂", "한" };

	@Test
	void neverThrows() {
		Random random = new Random(20240611L);
		for (int i = 0; i < TRIES; i++) {
			String nickname = anyText(random);
			String body = anyText(random);
			Errors errors = CommentValidatorTests.validate(nickname, body);
			assertThat(errors.getFieldErrors()).as("nickname %s, body %s", escaped(nickname), escaped(body))
				.allSatisfy((error) -> assertThat(error.getField()).isIn("body", "nickname"));
		}
	}

	@Test
	void acceptsExactlyBodiesOfOneTo300Characters() {
		Random random = new Random(300L);
		for (int i = 0; i < TRIES; i++) {
			List<String> characters = graphemes(random);
			String body = String.join("", characters);
			boolean accepted = !CommentValidatorTests.validate("", body).hasErrors();
			int length = characters.size();
			assertThat(accepted).as("%d characters: %s", length, body).isEqualTo(length >= 1 && length <= 300);
		}
	}

	/**
	 * Any UTF-16 text up to 600 units: every char value (lone surrogates, controls,
	 * format characters), pairs from the supplementary planes and, half the time, the
	 * edge lengths around the limits.
	 */
	static String anyText(Random random) {
		int length = switch (random.nextInt(4)) {
			case 0 -> random.nextInt(5);
			case 1 -> 295 + random.nextInt(10);
			default -> random.nextInt(600);
		};
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			switch (random.nextInt(5)) {
				case 0 -> text.append((char) random.nextInt(0x10000));
				case 1 -> text.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
				case 2 -> text.append((char) random.nextInt(0x80));
				case 3 -> text.append(CLUSTERS[random.nextInt(CLUSTERS.length)]);
				default -> text.append((char) (0xD800 + random.nextInt(0x800)));
			}
		}
		return text.toString();
	}

	/** Between 0 and 320 characters as readers count them. */
	static List<String> graphemes(Random random) {
		int count = switch (random.nextInt(3)) {
			case 0 -> random.nextInt(321);
			case 1 -> 298 + random.nextInt(5);
			default -> random.nextInt(3);
		};
		List<String> characters = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			characters.add(switch (random.nextInt(4)) {
				case 0 -> String.valueOf((char) ('a' + random.nextInt(26)));
				case 1 -> String.valueOf((char) ('ぁ' + random.nextInt('ゖ' - 'ぁ' + 1)));
				case 2 -> String.valueOf((char) ('一' + random.nextInt('龥' - '一' + 1)));
				default -> CLUSTERS[random.nextInt(CLUSTERS.length)];
			});
		}
		return characters;
	}

	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach((unit) -> escaped.append(String.format("\\u%04x", unit)));
		return escaped.toString();
	}

}
