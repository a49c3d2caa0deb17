package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import dev.shimbun.article.Article;
import dev.shimbun.article.Author;
import dev.shimbun.category.Category;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's words for a change of a list, from the message keys. */
class ListChangesTests {

	private static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ListChanges.Texts texts = texts();

	private final Article a = article(1);

	private final Article b = article(2);

	private final Article c = article(3);

	@Test
	void everyKindOfChangeIsNamedInOrder() {
		CuratedList list = list();
		List<EntryPlan> plans = List.of(new EntryPlan(this.c, "速報", null, null),
				new EntryPlan(this.b, null, NOW, NOW.plusSeconds(3600)), new EntryPlan(article(4), null, null, null));
		assertThat(ListChanges.describe(this.texts, list, "いま話題", true, ListMode.PINNED, plans)).isEqualTo(
				"trending: 選び方「手動」→「自動+固定」、見出し「話題」→「いま話題」、番号付きに変更、追加「見出し4」、削除「見出し1」、" + "並び替え、ラベル変更 1件、表示期間変更 1件(3件)");
	}

	@Test
	void nothingChangedIsSaidSo() {
		CuratedList list = list();
		List<EntryPlan> plans = List.of(plan(this.a), plan(this.b), plan(this.c));
		assertThat(ListChanges.describe(this.texts, list, "話題", false, ListMode.CURATED, plans))
			.isEqualTo("trending: 変更なし(3件)");
	}

	@Test
	void headlinesAndHeadingsAreWrittenAsTheyAre() {
		CuratedList list = list();
		list.switchMode(ListMode.COMPUTED);
		Article quoted = new Article("quoted", "It's {0} 100%", new Category("news", "ニュース", 1), new Author("記者", null),
				this.clock);
		ReflectionTestUtils.setField(quoted, "id", 9L);
		List<EntryPlan> plans = List.of(plan(this.a), plan(this.b), plan(this.c), plan(quoted));
		assertThat(ListChanges.describe(this.texts, list, "'{1}'", false, ListMode.CURATED, plans))
			.isEqualTo("trending: 選び方「自動」→「手動」、見出し「話題」→「'{1}'」、追加「It's {0} 100%」(4件)");
	}

	private CuratedList list() {
		CuratedList list = new CuratedList("trending", "話題", false);
		list.replaceEntries(List.of(plan(this.a), plan(this.b), plan(this.c)));
		return list;
	}

	private static EntryPlan plan(Article article) {
		return new EntryPlan(article, null, null, null);
	}

	private Article article(long id) {
		Article article = new Article("article-" + id, "見出し" + id, new Category("news", "ニュース", 1),
				new Author("記者", null), this.clock);
		article.publish(this.clock);
		ReflectionTestUtils.setField(article, "id", id);
		return article;
	}

	/** The application's messages, as the audit log writes them. */
	private static ListChanges.Texts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/lists");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return (key, arguments) -> messages.getMessage(key, arguments, Locale.JAPANESE);
	}

}
