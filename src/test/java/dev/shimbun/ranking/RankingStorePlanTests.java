package dev.shimbun.ranking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.shimbun.support.H2Plans;
import dev.shimbun.support.H2Plans.Plan;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored rankings are read again on every article edit: on a site of 40 000 articles
 * (where H2 chose otherwise) it must read the few ranked ones, not every visible article.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(RankingStore.class)
class RankingStorePlanTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RankingStore store;

	@Test
	void readingTheStoredListsReadsOnlyTheRankedArticles() {
		Instant now = Instant.now();
		H2Plans.publishedArticles(this.jdbc, 40_000, now.minusSeconds(3600).atOffset(ZoneOffset.UTC),
				now.atOffset(ZoneOffset.UTC));
		this.jdbc.update("DELETE FROM ranking_entry");
		// as many entries as a site of a few categories stores: its day and week lists,
		// and each category's
		for (String list : List.of("day", "week", "category-1", "category-2", "category-3", "category-4")) {
			this.jdbc.update("""
					INSERT INTO ranking_entry (list_key, place, article_id, views)
					SELECT ?, ROW_NUMBER() OVER (ORDER BY slug), id, 100 FROM article
					WHERE slug IN ('plan-10', 'plan-20', 'plan-30', 'plan-40', 'plan-50', 'plan-60', 'plan-70',
						'plan-80', 'plan-90', 'plan-99', 'plan-11', 'plan-21', 'plan-31', 'plan-41', 'plan-51')
					""", list);
		}
		this.jdbc.update("UPDATE article SET status = 'UNPUBLISHED' WHERE slug = 'plan-30'");
		this.jdbc.execute("ANALYZE");

		Map<String, List<RankedArticle>> lists = this.store.stored(now);
		assertThat(lists.get("day")).extracting(RankedArticle::slug)
			.containsExactly("plan-10", "plan-11", "plan-20", "plan-21", "plan-31", "plan-40", "plan-41", "plan-50",
					"plan-51", "plan-60", "plan-70", "plan-80", "plan-90", "plan-99");

		Plan plan = H2Plans.rowsRead(this.jdbc, RankingStore.STORED, now.atOffset(ZoneOffset.UTC),
				now.atOffset(ZoneOffset.UTC));
		assertThat(plan.rows()).as(plan.text()).isPositive().isLessThan(1_000);
	}

}
