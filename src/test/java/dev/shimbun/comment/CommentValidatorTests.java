package dev.shimbun.comment;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

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
		assertThat(validate(nickname, body).getFieldErrors()).extracting(FieldError::getCode)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void saysHowLongTheBodyIsAndOnWhichField() {
		FieldError tooLong = validate("", "👍🏽".repeat(301)).getFieldError("body");
		assertThat(tooLong.getCode()).isEqualTo("comment.error.tooLong");
		assertThat(tooLong.getArguments()).containsExactly(300, 301);
		FieldError nickname = validate("あ".repeat(21), "本文").getFieldError("nickname");
		assertThat(nickname.getCode()).isEqualTo("comment.error.nicknameTooLong");
		assertThat(nickname.getArguments()).containsExactly(20);
	}

	@Test
	void countsANicknameOnOneLine() {
		// a line break becomes a space, and a combining mark after a space is part of
		// the space's character: 9 + 6 characters, not 9 + 12
		assertThat(validate("あ".repeat(9) + "\n\u0301".repeat(6), "本文").hasErrors()).isFalse();
		assertThat(validate("あ".repeat(15) + "\n\u0301".repeat(6), "本文").getFieldError("nickname")).isNotNull();
	}

	static Errors validate(String nickname, String body) {
		CommentForm form = new CommentForm();
		form.setNickname(nickname);
		form.setBody(body);
		return new CommentValidator().validateObject(form);
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
