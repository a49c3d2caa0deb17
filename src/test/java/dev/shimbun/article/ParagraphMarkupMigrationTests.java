package dev.shimbun.article;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to inline markup leaves every paragraph written before it, in articles
 * and in their revisions, reading as it did; the seeded article does not change.
 */
class ParagraphMarkupMigrationTests {

	private static final String WRITTEN = "星*印と[括弧](丸) {波|括弧} \\ の段落";

	@Test
	void paragraphsAndRevisionsWrittenBeforeReadTheSame() {
		SingleConnectionDataSource data = new SingleConnectionDataSource(
				"jdbc:h2:mem:markup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		Builder flyway = () -> Flyway.configure()
			.dataSource(data)
			.locations("classpath:db/migration", "classpath:db/seed");
		flyway.configure().target("13").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(data);
		List<String> seeded = jdbc
			.queryForList("SELECT body_text FROM article_block WHERE kind = 'PARAGRAPH' ORDER BY id", String.class);
		Long block = jdbc.queryForObject("SELECT MAX(id) FROM article_block WHERE kind = 'PARAGRAPH'", Long.class);
		jdbc.update("UPDATE article_block SET body_text = ? WHERE id = ?", WRITTEN, block);
		Long article = jdbc.queryForObject("SELECT article_id FROM article_block WHERE id = ?", Long.class, block);
		jdbc.update("""
				INSERT INTO article_revision (article_id, revision_number, created_at, content)
				VALUES (?, 99, ?, ?)""", article, OffsetDateTime.now(), """
				{"headline":"見出し*","blocks":[{"kind":"PARAGRAPH","text":"%s"},
				{"kind":"FIGURE","text":null,"caption":"写真*"}]}""".formatted(WRITTEN.replace("\\", "\\\\")));

		flyway.configure().load().migrate();

		String migrated = jdbc.queryForObject("SELECT body_text FROM article_block WHERE id = ?", String.class, block);
		assertThat(migrated).isEqualTo("星\\*印と\\[括弧](丸) \\{波|括弧} \\\\ の段落");
		assertThat(InlineMarkup.plainText(migrated)).isEqualTo(WRITTEN);
		assertThat(InlineMarkup.html(migrated)).doesNotContain("<");
		List<String> after = jdbc.queryForList(
				"SELECT body_text FROM article_block WHERE kind = 'PARAGRAPH' AND id <> ? ORDER BY id", String.class,
				block);
		assertThat(after).isEqualTo(seeded.subList(0, seeded.size() - 1));
		String content = jdbc.queryForObject(
				"SELECT content FROM article_revision WHERE article_id = ? AND revision_number = 99", String.class,
				article);
		assertThat(content).contains("\"text\":\"" + migrated.replace("\\", "\\\\") + "\"")
			.contains("\"caption\":\"写真*\"")
			.contains("\"headline\":\"見出し*\"");
	}

	/** Flyway configured the same way each time. */
	private interface Builder {

		org.flywaydb.core.api.configuration.FluentConfiguration configure();

	}

}
