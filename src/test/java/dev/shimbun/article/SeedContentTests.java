package dev.shimbun.article;

import java.time.Instant;
import java.util.List;

import dev.shimbun.SeedSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed migration stores the EDD article as the source page has it. */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = Replace.NONE)
class SeedContentTests {

	static final String EDD = "us-japan-extended-deterrence-dialogue-barksdale-b52";

	private final SeedSource source = SeedSource.load();

	@Autowired
	private ArticleRepository articles;

	@Test
	void eddArticleHasItsParagraphsInOrder() {
		Article article = this.articles.findPageBySlug(EDD).orElseThrow();
		assertThat(article.getHeadline()).isEqualTo(this.source.headline());
		assertThat(article.getAuthor().getDisplayName()).isEqualTo("梶原圭介");
		assertThat(article.getAuthor().getContactEmail()).isEqualTo("CP-2023-0188@fastviewkorea.com");
		assertThat(article.getCategory().getName()).isEqualTo("ニュース");
		assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-06-10T00:00:00Z"));
		List<String> paragraphs = article.getBlocks()
			.stream()
			.filter((block) -> block.getKind() == BlockKind.PARAGRAPH)
			.map(ArticleBlock::getText)
			.toList();
		assertThat(paragraphs).containsExactlyElementsOf(this.source.paragraphs());
	}

	@Test
	void eddArticleHasTwoFiguresAfterTheBylineAndFourAfterTheBody() {
		Article article = this.articles.findPageBySlug(EDD).orElseThrow();
		List<BlockKind> kinds = article.getBlocks().stream().map(ArticleBlock::getKind).toList();
		assertThat(kinds).hasSize(15);
		assertThat(kinds.subList(0, 2)).containsOnly(BlockKind.FIGURE);
		assertThat(kinds.subList(2, 11)).containsOnly(BlockKind.PARAGRAPH);
		assertThat(kinds.subList(11, 15)).containsOnly(BlockKind.FIGURE);
		assertThat(article.getBlocks()).extracting(ArticleBlock::getPosition)
			.containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
		List<Figure> figures = article.getBlocks()
			.stream()
			.filter((block) -> block.getKind() == BlockKind.FIGURE)
			.map(ArticleBlock::getFigure)
			.toList();
		assertThat(figures).extracting(Figure::getImageUrl)
			.containsExactly("/images/seed/edd-1.jpg", "/images/seed/edd-2.jpg", "/images/seed/edd-3.jpg",
					"/images/seed/edd-4.jpg", "/images/seed/edd-5.jpg", "/images/seed/edd-6.jpg");
		assertThat(figures).extracting(Figure::getCredit).containsOnly("米国務省軍備管理・国際安全保障担当室");
		assertThat(figures).allSatisfy((figure) -> assertThat(figure.getAltText()).isNotBlank().hasSizeGreaterThan(10));
		assertThat(figures).extracting(Figure::getAltText).doesNotHaveDuplicates();
	}

	@Test
	void everyListTitleIsAnArticleOnce() {
		List<Article> all = this.articles
			.findWithCategoryByIdIn(this.articles.findLatestPublishedIds(Instant.now(), PageRequest.of(0, 100)));
		assertThat(all).hasSize(23);
		List<String> titles = java.util.stream.Stream.of("[ニュース] ランキング", "こんな記事も読まれています", "おすすめニュース", "話題")
			.flatMap((heading) -> this.source.listTitles(heading).stream())
			.distinct()
			.toList();
		assertThat(titles).hasSize(22);
		assertThat(all).extracting(Article::getHeadline).containsAll(titles).contains(this.source.headline());
		assertThat(all).extracting(Article::getSlug).allMatch((slug) -> slug.matches("[a-z0-9-]+"));
	}

	@Test
	void teasersHaveNoBody() {
		Article teaser = this.articles.findPageBySlug("why-we-yawn").orElseThrow();
		assertThat(teaser.getBlocks()).isEmpty();
		assertThat(teaser.getCategory().getName()).isEqualTo("おもしろ");
	}

	@Test
	void articlesPublishedLaterAreNotFound() {
		Article article = this.articles.findPageBySlug(EDD).orElseThrow();
		assertThat(article.isVisibleAt(Instant.parse("2025-06-09T23:59:59Z"))).isFalse();
		assertThat(article.isVisibleAt(Instant.parse("2025-06-10T00:00:00Z"))).isTrue();
	}

}
