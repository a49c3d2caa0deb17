package dev.shimbun.category;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.shimbun.support.Articles;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SeedSiteTest;
import dev.shimbun.web.PageFetcher;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A category page counts its pages from the category's articles less the ones readers do
 * not see: drafts, taken down, scheduled for later, past their unpublish time.
 */
@SeedSiteTest
@OwnContext
class CategoryPageCountTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Test
	void hiddenArticlesMakeNoPages() throws Exception {
		Instant now = this.clock.instant();
		// the seed's one article in the category, and three more readers see
		for (int i = 1; i <= 3; i++) {
			Articles.published().slug("idol-visible-" + i).inCategory("hybe-idol").save(this.context);
		}
		Articles.published()
			.slug("idol-leaving-later")
			.inCategory("hybe-idol")
			.unpublishedAt(now.plus(1, ChronoUnit.DAYS))
			.save(this.context);
		// and five they do not
		Articles.draft().slug("idol-draft").inCategory("hybe-idol").save(this.context);
		Articles.unpublished().slug("idol-taken-down").inCategory("hybe-idol").save(this.context);
		Articles.scheduledFor(now.plus(1, ChronoUnit.DAYS))
			.slug("idol-scheduled")
			.inCategory("hybe-idol")
			.save(this.context);
		Articles.published().slug("idol-published-later").inCategory("hybe-idol").save(this.context);
		this.jdbc.update("UPDATE article SET published_at = ? WHERE slug = 'idol-published-later'",
				java.sql.Timestamp.from(now.plus(2, ChronoUnit.DAYS)));
		Articles.published().slug("idol-gone").inCategory("hybe-idol").save(this.context);
		this.jdbc.update("UPDATE article SET unpublish_at = ? WHERE slug = 'idol-gone'",
				java.sql.Timestamp.from(now.minus(1, ChronoUnit.HOURS)));

		// five visible articles, three a page: two pages, not four
		PageFetcher pages = new PageFetcher(this.mvc);
		Document first = pages.get("/categories/hybe-idol");
		assertThat(first.select(".summary")).hasSize(3);
		assertThat(first.select("nav.pagination a").eachText()).containsExactly("1", "2", "次のページ");
		Document second = pages.get("/categories/hybe-idol?page=2");
		assertThat(second.select(".summary")).hasSize(2);
		assertThat(second.select(".summary a").eachAttr("href")).noneMatch(
				(href) -> href.contains("idol-draft") || href.contains("taken-down") || href.contains("scheduled")
						|| href.contains("later") && !href.contains("leaving") || href.contains("gone"));
		pages.get("/categories/hybe-idol?page=3", 404);
	}

}
