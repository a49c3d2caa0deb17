package dev.shimbun.article;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.shimbun.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Article ids by slug, for the features that are told of articles by slug. */
@SpringBootTest(properties = "shimbun.scheduling.enabled=false")
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class ArticleIdsTests {

	@Autowired
	private ArticleIds ids;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void slugsOfArticlesGetTheirIdsAndOthersAreLeftOut() {
		List<String> slugs = new ArrayList<>();
		IntStream.range(0, 600).forEach((n) -> slugs.add("no-such-article-" + n));
		slugs.add("why-we-yawn");
		IntStream.range(600, 1200).forEach((n) -> slugs.add("no-such-article-" + n));
		slugs.add("subaru-brz-2026");
		assertThat(this.ids.bySlug(slugs)).containsOnly(entry("why-we-yawn", id("why-we-yawn")),
				entry("subaru-brz-2026", id("subaru-brz-2026")));
		assertThat(this.ids.bySlug(List.of())).isEmpty();
	}

	private Long id(String slug) {
		return this.jdbc.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, slug);
	}

}
