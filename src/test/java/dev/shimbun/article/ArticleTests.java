package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.shimbun.category.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTests {

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-10T00:00:00Z"), ZoneOffset.UTC);

	private Article draft() {
		return new Article("slug", "見出し", new Category("news", "ニュース", 1), new Author("記者", null), this.clock);
	}

	@Test
	void draftIsNeverVisible() {
		assertThat(draft().isVisibleAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
	}

	@Test
	void publishedArticleIsVisibleFromItsPublicationTime() {
		Article article = draft();
		article.publish(this.clock);
		assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(article.isVisibleAt(Instant.parse("2025-06-09T23:59:59Z"))).isFalse();
		assertThat(article.isVisibleAt(Instant.parse("2025-06-10T00:00:00Z"))).isTrue();
	}

	@Test
	void blocksKeepTheirOrder() {
		Article article = draft().addFigure(new Figure("/a.jpg", 10, 10, null, "代替", "出典"))
			.addParagraph("一")
			.addParagraph("二");
		assertThat(article.getBlocks()).extracting(ArticleBlock::getPosition).containsExactly(0, 1, 2);
		assertThat(article.getBlocks()).extracting(ArticleBlock::getKind)
			.containsExactly(BlockKind.FIGURE, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH);
	}

	@Test
	void descriptionIsTheFirstParagraphCutAtACodePointBoundary() {
		String emoji = "👍".repeat(130);
		String truncated = ArticleService.truncate(emoji);
		assertThat(truncated.codePointCount(0, truncated.length())).isEqualTo(ArticleService.DESCRIPTION_LENGTH);
		assertThat(truncated).endsWith("👍…");
		assertThat(ArticleService.truncate("短い")).isEqualTo("短い");
	}

	@Test
	void jsonLdCannotCloseItsScriptElement() {
		String escaped = NewsArticleJsonLd.escapeForScript("{\"headline\":\"</script><b>&\"}");
		assertThat(escaped).doesNotContain("<", ">", "&").contains("\\u003c/script\\u003e");
	}

}
