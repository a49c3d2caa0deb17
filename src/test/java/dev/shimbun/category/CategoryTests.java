package dev.shimbun.category;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Category names and slugs. */
class CategoryTests {

	@Test
	void slugsAreLowerCaseAsciiWordsJoinedByHyphens() {
		for (String slug : new String[] { "news", "hybe-idol", "k-pop-2026", "a" }) {
			assertThat(slug.matches(Category.SLUG_PATTERN)).as(slug).isTrue();
		}
		for (String slug : new String[] { "", "News", "ニュース", "world news", "-news", "news-", "world--news",
				"world_news", "ｎｅｗｓ" }) {
			assertThat(slug.matches(Category.SLUG_PATTERN)).as(slug).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> new Category(slug, "名前", 1));
		}
	}

	@Test
	void renameNeedsAName() {
		Category category = new Category("fun", "おもしろ", 4);
		category.rename("おもしろニュース");
		assertThat(category.getName()).isEqualTo("おもしろニュース");
		assertThat(category.getSlug()).isEqualTo("fun");
		assertThatIllegalArgumentException().isThrownBy(() -> category.rename(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> category.rename("長".repeat(81)));
	}

}
