package dev.shimbun.discovery;

import java.time.Instant;
import java.util.List;

import dev.shimbun.MutableClock;
import dev.shimbun.support.Articles;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed articles and four in the news that readers cannot see, added once per context:
 * a draft, one taken off the site, one scheduled for later and one past its unpublish
 * time (the first two with publication times in the last 48 hours). The clock stands on
 * 11 June 2025, 12:00 in Tokyo, the day after the seed articles.
 */
final class DiscoveryFixture {

	static final String BASE_URL = "https://news.example.jp";

	static final Instant NOW = Instant.parse("2025-06-11T03:00:00Z");

	static final String EDD = "us-japan-extended-deterrence-dialogue-barksdale-b52";

	static final List<String> HIDDEN = List.of("hidden-draft", "hidden-unpublished", "hidden-scheduled",
			"hidden-expired");

	/** Visible articles: the 23 seed articles. */
	static final int VISIBLE = 23;

	private DiscoveryFixture() {
	}

	static void prepare(ApplicationContext context, MutableClock clock) {
		clock.set(NOW);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		if (jdbc.queryForObject("select count(*) from article where slug = ?", Integer.class, HIDDEN.get(0)) > 0) {
			return;
		}
		Instant yesterday = Instant.parse("2025-06-10T01:00:00Z");
		Articles.draft().slug(HIDDEN.get(0)).headline("下書きの記事").inCategory("news").publishedAt(yesterday).save(context);
		Articles.unpublished()
			.slug(HIDDEN.get(1))
			.headline("取り下げた記事")
			.inCategory("news")
			.publishedAt(yesterday)
			.save(context);
		Articles.scheduledFor(Instant.parse("2030-01-01T00:00:00Z"))
			.slug(HIDDEN.get(2))
			.headline("予約した記事")
			.inCategory("news")
			.save(context);
		Articles.published()
			.slug(HIDDEN.get(3))
			.headline("掲載を終えた記事")
			.inCategory("news")
			.publishedAt(Instant.parse("2025-06-09T00:00:00Z"))
			.unpublishedAt(Instant.parse("2025-06-10T00:00:00Z"))
			.save(context);
	}

}
