package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.shimbun.article.Article;
import dev.shimbun.article.Author;
import dev.shimbun.category.Category;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The list's intent methods and the entries' windows. */
class CuratedListTests {

	private static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

	private final Clock clock = Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC);

	private final Article a = article(1);

	private final Article b = article(2);

	private final Article c = article(3);

	@Test
	void replaceEntriesKeepsTheEntriesOfArticlesThatStayAndNumbersThemAgain() {
		CuratedList list = new CuratedList("ranking", "ランキング", false);
		list.replaceEntries(List.of(plan(this.a, null), plan(this.b, null)));
		CuratedListEntry entryOfB = list.getEntries().get(1);

		list.replaceEntries(List.of(plan(this.b, "速報"), plan(this.c, null)));

		assertThat(list.getEntries()).extracting(CuratedListEntry::getArticle).containsExactly(this.b, this.c);
		assertThat(list.getEntries()).extracting(CuratedListEntry::getPosition).containsExactly(0, 1);
		assertThat(list.getEntries().get(0)).isSameAs(entryOfB);
		assertThat(entryOfB.getLabel()).isEqualTo("速報");
	}

	@Test
	void aListHoldsAnArticleOnceAndAtMostTwentyEntries() {
		CuratedList list = new CuratedList("ranking", "ランキング", false);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> list.replaceEntries(List.of(plan(this.a, null), plan(this.a, null))));
		List<EntryPlan> many = java.util.stream.IntStream.rangeClosed(1, 21)
			.mapToObj((id) -> plan(article(id), null))
			.toList();
		assertThatIllegalArgumentException().isThrownBy(() -> list.replaceEntries(many));
		assertThat(list.getEntries()).isEmpty();
	}

	@Test
	void retitleNeedsAHeading() {
		CuratedList list = new CuratedList("ranking", "ランキング", false);
		list.retitle("いま話題", true);
		assertThat(list.getHeading()).isEqualTo("いま話題");
		assertThat(list.isNumbered()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> list.retitle(" ", true));
	}

	@Test
	void anEntryIsShownFromItsStartUntilJustBeforeItsEnd() {
		CuratedList list = new CuratedList("ranking", "ランキング", false);
		list.replaceEntries(List.of(new EntryPlan(this.a, null, NOW, NOW.plusSeconds(60)),
				new EntryPlan(this.b, null, null, null)));
		CuratedListEntry windowed = list.getEntries().get(0);
		assertThat(windowed.isShownAt(NOW.minusSeconds(1))).isFalse();
		assertThat(windowed.isShownAt(NOW)).isTrue();
		assertThat(windowed.isShownAt(NOW.plusSeconds(59))).isTrue();
		assertThat(windowed.isShownAt(NOW.plusSeconds(60))).isFalse();
		assertThat(list.getEntries().get(1).isShownAt(NOW.plusSeconds(3600 * 24 * 365))).isTrue();
	}

	@Test
	void anEntryOfAnUnpublishedArticleIsNotShown() {
		Article draft = new Article("draft", "下書き", new Category("news", "ニュース", 1), new Author("記者", null),
				this.clock);
		ReflectionTestUtils.setField(draft, "id", 99L);
		CuratedList list = new CuratedList("ranking", "ランキング", false);
		list.replaceEntries(List.of(plan(draft, null)));
		assertThat(list.getEntries().get(0).isShownAt(NOW)).isFalse();
	}

	@Test
	void aWindowMustEndAfterItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryPlan(this.a, null, NOW, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryPlan(this.a, "長".repeat(61), null, null));
	}

	private Article article(long id) {
		Article article = new Article("article-" + id, "見出し" + id, new Category("news", "ニュース", 1),
				new Author("記者", null), this.clock);
		article.publish(this.clock);
		ReflectionTestUtils.setField(article, "id", id);
		return article;
	}

	private static EntryPlan plan(Article article, String label) {
		return new EntryPlan(article, label, null, null);
	}

}
