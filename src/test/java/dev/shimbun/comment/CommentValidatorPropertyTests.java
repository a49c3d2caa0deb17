package dev.shimbun.comment;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the comment validator, over generated text (jqwik). */
class CommentValidatorPropertyTests {

	@Property(tries = 500)
	void neverThrows(@ForAll String nickname, @ForAll String body) {
		String normalizedBody = CommentText.normalize(body);
		List<PostResult.Problem> problems = CommentValidator.check(CommentText.normalize(nickname), normalizedBody);
		assertThat(problems).isNotNull();
	}

	@Property(tries = 500)
	void acceptsExactlyBodiesOfOneTo300Characters(@ForAll("graphemes") List<String> characters) {
		String body = String.join("", characters);
		boolean accepted = CommentValidator.check("", CommentText.normalize(body)).isEmpty();
		int length = characters.size();
		assertThat(accepted).as("%d characters", length).isEqualTo(length >= 1 && length <= 300);
	}

	/**
	 * Lists of single characters as readers see them: letters, kana, kanji, emoji with
	 * modifiers, flags, ZWJ sequences and letters with combining marks.
	 */
	@Provide
	Arbitrary<List<String>> graphemes() {
		Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
				Arbitraries.strings().withCharRange('ぁ', 'ゖ').ofLength(1),
				Arbitraries.strings().withCharRange('一', '龥').ofLength(1), Arbitraries.of("👍🏽", "🇯🇵", "🇺🇸",
						"👨‍👩‍👧‍👦", "🏳️‍🌈", "が", "か\u3099", "é", "e\u0301", "🙂", "한"));
		return one.list().ofMinSize(0).ofMaxSize(320);
	}

}
