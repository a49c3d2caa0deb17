package dev.shimbun.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What H2 reads to answer a statement, for tests that a query stays cheap on a large
 * site: {@link #rowsRead} runs it once with {@code EXPLAIN ANALYZE} and adds up the rows
 * each table and index was scanned for. The statements Hibernate sends are taken down by
 * {@link Statements}, set as Hibernate's statement inspector:
 *
 * <pre class="code">
 * &#64;DataJpaTest(properties = H2Plans.CAPTURE_STATEMENTS)
 * </pre>
 */
public final class H2Plans {

	/** The property that makes Hibernate hand every statement to {@link Statements}. */
	public static final String CAPTURE_STATEMENTS = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
			+ "dev.shimbun.support.H2Plans$Statements";

	private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

	private H2Plans() {
	}

	/**
	 * Stores {@code count} published articles at once, {@code plan-1} to
	 * {@code plan-<count>}, spread over the categories, by the first author.
	 */
	public static void publishedArticles(JdbcTemplate jdbc, int count, OffsetDateTime publishedAt,
			OffsetDateTime updatedAt) {
		jdbc.update("""
				INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
				SELECT 'plan-' || X, 'plan ' || X, c.id, (SELECT MIN(id) FROM author), 'PUBLISHED', ?, ?
				FROM SYSTEM_RANGE(1, ?)
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM category) c
					ON c.n = MOD(X, (SELECT COUNT(*) FROM category))
				""", publishedAt, updatedAt, count);
	}

	/**
	 * Deletes what {@link #publishedArticles} stored, with their comments: for tests that
	 * commit, because H2's {@code ANALYZE} commits.
	 */
	public static void deleteArticles(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM article WHERE slug LIKE 'plan-%'");
	}

	/**
	 * Runs the statement once under {@code EXPLAIN ANALYZE} with these arguments.
	 * @return the plan, with the rows read in total
	 */
	public static Plan rowsRead(JdbcTemplate jdbc, String sql, Object... args) {
		String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + sql, String.class, args);
		long rows = 0;
		Matcher counts = SCAN_COUNT.matcher(plan);
		while (counts.find()) {
			rows += Long.parseLong(counts.group(1));
		}
		return new Plan(plan, rows);
	}

	/** A plan as H2 printed it and the rows it read. */
	public record Plan(String text, long rows) {

		/** Whether H2 read the rows in the order asked, without sorting them. */
		public boolean indexSorted() {
			return this.text.contains("/* index sorted */");
		}

	}

	/** The statements Hibernate prepared since the last {@link #clear}. */
	public static final class Statements implements StatementInspector {

		private static final List<String> prepared = new CopyOnWriteArrayList<>();

		@Override
		public String inspect(String sql) {
			prepared.add(sql);
			return sql;
		}

		public static void clear() {
			prepared.clear();
		}

		/**
		 * The one statement prepared since the last {@link #clear} that contains all
		 * these.
		 */
		public static String only(String... fragments) {
			List<String> found = prepared.stream()
				.filter((sql) -> List.of(fragments).stream().allMatch((fragment) -> sql.contains(fragment)))
				.distinct()
				.toList();
			if (found.size() != 1) {
				throw new IllegalStateException("Not one statement with " + List.of(fragments) + ": " + found);
			}
			return found.get(0);
		}

	}

}
