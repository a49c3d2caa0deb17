package dev.shimbun.comment;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation matrix: what readers type, and what the form says about it. */
class CommentValidatorTests {

	static Stream<Arguments> bodies() {
		String family = "👨‍👩‍👧‍👦";
		String flag = "🇯🇵";
		String thumb = "👍🏽";
		String combining = "か\u3099";
		return Stream.of(Arguments.of("empty", "", "", List.of("comment.error.empty")),
				Arguments.of("blanks only", "", " \u3000\t\n ", List.of("comment.error.empty")),
				Arguments.of("one character", "", "あ", List.of()),
				Arguments.of("300 characters", "", "あ".repeat(300), List.of()),
				Arguments.of("301 characters", "", "あ".repeat(301), List.of("comment.error.tooLong")),
				Arguments.of("300 flags", "", flag.repeat(300), List.of()),
				Arguments.of("301 flags", "", flag.repeat(301), List.of("comment.error.tooLong")),
				Arguments.of("300 families (ZWJ sequences)", "", family.repeat(300), List.of()),
				Arguments.of("300 thumbs with skin tone", "", thumb.repeat(300), List.of()),
				Arguments.of("301 thumbs with skin tone", "", thumb.repeat(301), List.of("comment.error.tooLong")),
				Arguments.of("300 letters with a combining mark", "", combining.repeat(300), List.of()),
				Arguments.of("301 letters with a combining mark", "", combining.repeat(301),
						List.of("comment.error.tooLong")),
				Arguments.of("one letter with 5000 combining marks", "", "a" + "\u0301".repeat(5000),
						List.of("comment.error.tooLong")),
				Arguments.of("control characters only", "", "\u0000\u0007\u001b", List.of("comment.error.empty")),
				Arguments.of("HTML and script", "", "<script>alert('x')</script><b>太字</b>", List.of()),
				Arguments.of("line breaks", "", "一行目\r\n二行目\n三行目", List.of()),
				Arguments.of("nickname of 20", "あ".repeat(20), "本文", List.of()),
				Arguments.of("nickname of 21", "あ".repeat(21), "本文", List.of("comment.error.nicknameTooLong")),
				Arguments.of("nickname of 20 flags", flag.repeat(20), "本文", List.of()),
				Arguments.of("empty body and long nickname", "あ".repeat(21), "",
						List.of("comment.error.empty", "comment.error.nicknameTooLong")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void checksWhatReadersType(String name, String nickname, String body, List<String> expected) {
		List<PostResult.Problem> problems = CommentValidator.check(CommentText.normalize(nickname),
				CommentText.normalize(body));
		assertThat(problems).extracting(PostResult.Problem::messageKey).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalisations")
	void normalisesAsReadersWouldExpect(String name, String typed, String stored) {
		assertThat(CommentText.normalize(typed)).isEqualTo(stored);
	}

	static Stream<Arguments> normalisations() {
		return Stream.of(Arguments.of("trims", "  本文  ", "本文"),
				Arguments.of("keeps line breaks, unifies CRLF", "一\r\n二\r三", "一\n二\n三"),
				Arguments.of("drops control characters", "a\u0000b\u0007c\u001bd", "abcd"),
				Arguments.of("drops bidi overrides", "abc\u202Edef", "abcdef"), Arguments.of("NFC", "か\u3099", "が"),
				Arguments.of("keeps ZWJ sequences", "👨‍👩‍👧", "👨‍👩‍👧"), Arguments.of("null", null, ""));
	}

}
