package dev.shimbun.article;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article page's address as the filters in front of the controller read it: exactly
 * {@code /articles/} and a slug of lower-case letters and digits in hyphen-separated
 * parts, nothing else.
 */
class ArticlePathsTests {

	/** The slug's definition the hand-written reading must agree with. */
	private static final Pattern PAGE = Pattern.compile("/articles/([a-z0-9]+(?:-[a-z0-9]+)*)");

	@ParameterizedTest
	@ValueSource(strings = { "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52", "/articles/a",
			"/articles/0", "/articles/a-b-c", "/articles/2026-12-04" })
	void aSlugIsRead(String path) {
		assertThat(ArticlePaths.slug(path)).contains(path.substring("/articles/".length()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/", "/articles", "/article/a", "/articles/-a", "/articles/a-", "/articles/a--b",
			"/articles/A", "/articles/a/", "/articles/a/comments", "/articles/a%2Fb", "/articles/a.b", "/articles/a b",
			"/articles/ａ", "/articles/a\u0000", "//articles/a", "/articles/a?x", "/Articles/a", "/articles/-", "" })
	void anythingElseIsNoArticlePage(String path) {
		assertThat(ArticlePaths.slug(path)).isEmpty();
	}

	@Test
	void everyShortPathOfTheSlugsAlphabetIsReadAsTheDefinitionSays() {
		char[] alphabet = { 'a', 'z', '0', '9', '-', '/', 'A', '_', '.' };
		int checked = 0;
		for (int length = 0; length <= 4; length++) {
			int combinations = (int) Math.pow(alphabet.length, length);
			for (int n = 0; n < combinations; n++) {
				StringBuilder slug = new StringBuilder();
				for (int i = 0, rest = n; i < length; i++, rest /= alphabet.length) {
					slug.append(alphabet[rest % alphabet.length]);
				}
				String path = "/articles/" + slug;
				var expected = PAGE.matcher(path);
				if (expected.matches()) {
					assertThat(ArticlePaths.slug(path)).as(path).contains(expected.group(1));
				}
				else {
					assertThat(ArticlePaths.slug(path)).as(path).isEmpty();
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(1 + 9 + 81 + 729 + 6561);
	}

}
