package dev.shimbun.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.search.SearchIndexer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a data set for the data-growth benchmark (not a test: {@code bench/growth.sh}
 * runs it while the application is stopped). Starts the application context on the
 * embedded database of a data directory, so that Flyway creates the schema and the seed,
 * then inserts published articles with three paragraphs each in the seed's categories,
 * and visible comments: a fixed number on one article, the measured one, and the rest
 * spread over the others. Indexes the new articles for search, as the application would
 * at start-up, updates the database's statistics and compacts the file.
 * <p>
 * Arguments: data directory, articles, comments, comments on the measured article. Prints
 * the path of the measured article and of its category page.
 */
public final class GrowthLoader {

	/** Rows inserted per statement (and transaction). */
	private static final int BATCH = 100_000;

	private GrowthLoader() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: GrowthLoader <data dir> <articles> <comments> <comments on the measured one>");
			System.exit(2);
		}
		Path dir = Path.of(args[0]).toAbsolutePath();
		int articles = Integer.parseInt(args[1]);
		int comments = Integer.parseInt(args[2]);
		int hotComments = Integer.parseInt(args[3]);
		if (articles < 2 || hotComments > comments) {
			throw new IllegalArgumentException("need 2 articles or more, and no more comments on one than in all");
		}
		// the measured article: the same slug and number of comments at every size
		int hot = Math.min(500, articles / 2);
		// the application's own database URL for this data directory (the tests'
		// configuration on this class path would choose an in-memory one)
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class).run(
				"--server.port=0", "--shimbun.data-dir=" + dir,
				"--spring.datasource.url=jdbc:h2:file:" + dir + "/shimbun;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
				"--shimbun.scheduling.enabled=false", "--logging.level.root=warn", "--spring.main.banner-mode=off");
		try {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long started = System.nanoTime();
			jdbc.update("""
					INSERT INTO article (slug, headline, summary, category_id, author_id, status,
						published_at, updated_at)
					SELECT 'bench-' || X, 'ベンチマーク記事 ' || X || ' 日米の拡大抑止協議と同盟の抑止力',
						'第' || X || '回の協議の要点。日米の高官らが核抑止の信頼性を確認した。',
						(SELECT MIN(id) FROM category) + MOD(X, (SELECT COUNT(*) FROM category)),
						(SELECT MIN(id) FROM author), 'PUBLISHED',
						DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP), DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP)
					FROM SYSTEM_RANGE(1, ?)
					""", articles);
			long first = jdbc.queryForObject("SELECT id FROM article WHERE slug = 'bench-1'", Long.class);
			long last = jdbc.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, "bench-" + articles);
			if (last - first + 1 != articles) {
				throw new IllegalStateException("the generated articles' ids are not consecutive");
			}
			String[] paragraphs = { "米国と日本は' || a.id || '日、拡大抑止協議を実施した。両国の高官らは戦略爆撃機の配備状況を視察し、同盟の抑止力を内外に示した。",
					"協議では核を含む米国の抑止力の信頼性について意見を交わした。関係者によると、地域の安全保障環境は厳しさを増しているという。",
					"専門家は「同盟の負担分担をめぐる議論は続く」と指摘し、透明性の高い説明を求めた。次回の協議の日程は未定としている。" };
			for (int position = 0; position < paragraphs.length; position++) {
				for (long from = first; from <= last; from += BATCH) {
					jdbc.update("""
							INSERT INTO article_block (article_id, position, kind, body_text)
							SELECT a.id, ?, 'PARAGRAPH', '%s'
							FROM article a WHERE a.id BETWEEN ? AND ?
							""".formatted(paragraphs[position]), position, from, Math.min(last, from + BATCH - 1));
				}
			}
			long hotId = first + hot - 1;
			insertComments(jdbc, 1, hotComments, "?", hotId);
			// the other comments go to every article but the measured one, in turn
			String spread = "%d + CASE WHEN MOD(X, %d) + 1 >= %d THEN MOD(X, %d) + 1 ELSE MOD(X, %d) END"
				.formatted(first, articles - 1, hot, articles - 1, articles - 1);
			insertComments(jdbc, hotComments + 1, comments, spread, null);
			double loaded = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"inserted %,d articles (%,d paragraphs) and %,d comments (%,d on the measured one) in %.1f s%n",
					jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM article_block", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM article_comment", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM article_comment WHERE article_id = ?", Long.class, hotId),
					loaded);
			started = System.nanoTime();
			int indexed = context.getBean(SearchIndexer.class).indexMissing();
			System.out.printf("indexed %,d articles for search in %.1f s%n", indexed,
					(System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			jdbc.execute("ANALYZE");
			System.out.printf("updated the statistics in %.1f s%n", (System.nanoTime() - started) / 1e9);
			String category = jdbc.queryForObject(
					"SELECT c.slug FROM category c JOIN article a ON a.category_id = c.id WHERE a.id = ?", String.class,
					hotId);
			System.out.println("ARTICLE=/articles/bench-" + hot);
			System.out.println("CATEGORY=/categories/" + category);
		}
		finally {
			context.close();
		}
		// the batches above leave most of the file as free space: compact it, as a
		// database
		// that has run for a while would be
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/shimbun", "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		System.out.printf("compacted the database file in %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Inserts visible comments numbered {@code from} to {@code to} on the article that
	 * {@code articleExpression} (SQL over the number {@code X}) gives, a few seconds
	 * apart going back from now, from a thousand different readers.
	 */
	private static void insertComments(JdbcTemplate jdbc, long from, long to, String articleExpression,
			Long articleId) {
		for (long start = from; start <= to; start += BATCH) {
			String sql = """
					INSERT INTO article_comment (article_id, nickname, body, status, created_at, client_hash)
					SELECT %s, '読者' || MOD(X, 1000),
						'記事を読みました(' || X || ')。同盟の抑止力について、もう少し詳しい解説があるとありがたいです。',
						'VISIBLE', DATEADD('SECOND', -X * 7, CURRENT_TIMESTAMP), 'bench-reader-' || MOD(X, 1000)
					FROM SYSTEM_RANGE(?, ?)
					""".formatted(articleExpression);
			long end = Math.min(to, start + BATCH - 1);
			if (articleId != null) {
				jdbc.update(sql, articleId, start, end);
			}
			else {
				jdbc.update(sql, start, end);
			}
		}
	}

}
