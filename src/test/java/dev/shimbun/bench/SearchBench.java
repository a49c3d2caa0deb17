package dev.shimbun.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.search.SearchIndexer;
import dev.shimbun.search.SearchService;
import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Site search at scale (not a test: run it with {@code bench/search.sh}). Starts the
 * application on a fresh database, loads 100 000 articles with Japanese headlines and one
 * paragraph each, indexes them, updates the statistics (as autovacuum or H2's automatic
 * analysis would), then times search pages for common and rare, short and long queries.
 * <p>
 * The environment variable {@code BENCH_DATABASE} chooses the database: {@code h2} (the
 * embedded H2 in a file, the default configuration), {@code postgresql} (a real
 * PostgreSQL 15 from the embedded binaries the tests use) or {@code both} (the default:
 * H2, then PostgreSQL, and a table of both).
 */
public final class SearchBench {

	private static final int ARTICLES = Integer.parseInt(env("BENCH_ARTICLES", "100000"));

	private static final int SEARCHES = Integer.parseInt(env("BENCH_SEARCHES", "200"));

	/**
	 * Whether to log PostgreSQL's plans of the search queries (auto_explain), once each.
	 */
	private static final boolean EXPLAIN = Boolean.parseBoolean(env("BENCH_EXPLAIN", "false"));

	private static final String[] QUERIES = { "核兵", "日米", "抑止力", "バークスデール", "気候変動", "記者会見 首相", "B-52", "存在しない語句" };

	private SearchBench() {
	}

	public static void main(String[] args) throws Exception {
		String chosen = env("BENCH_DATABASE", "both").toLowerCase(Locale.ROOT);
		List<String> databases = switch (chosen) {
			case "both" -> List.of("h2", "postgresql");
			case "h2", "postgresql" -> List.of(chosen);
			default -> throw new IllegalArgumentException("BENCH_DATABASE must be h2, postgresql or both: " + chosen);
		};
		List<Result[]> results = new ArrayList<>();
		for (String database : databases) {
			System.out.printf("== %s, %,d articles, %d searches per query (load average %s) ==%n", database, ARTICLES,
					SEARCHES, loadAverage());
			results.add(database.equals("h2") ? onH2() : onPostgresql());
		}
		System.out.printf("%n== summary (load average %s) ==%n", loadAverage());
		// the query last: Japanese letters are two columns wide
		for (String database : databases) {
			System.out.printf("%-38s | ", database + ": matches, p50, p99");
		}
		System.out.println("query");
		for (int q = 0; q < QUERIES.length; q++) {
			for (Result[] result : results) {
				System.out.printf("%7d %9.2f ms %9.2f ms %-5s | ", result[q].matches(), result[q].p50(),
						result[q].p99(), (result[q].p99() < 100) ? "" : "≥ 100");
			}
			System.out.println(QUERIES[q]);
		}
	}

	private static Result[] onH2() throws Exception {
		Path dir = Files.createTempDirectory("shimbun-search-bench");
		try {
			return run(dir, "jdbc:h2:file:" + dir + "/bench", "sa");
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static Result[] onPostgresql() throws Exception {
		// the embedded server logs every line it prints at INFO until Spring configures
		// logging
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
		Path dir = Files.createTempDirectory("shimbun-search-bench");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start();
		try {
			JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
			admin.execute("CREATE DATABASE bench");
			System.out.println(admin.queryForObject("SELECT version()", String.class));
			return run(dir, postgres.getJdbcUrl("postgres", "bench"), "postgres");
		}
		finally {
			postgres.close();
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static Result[] run(Path dir, String url, String user) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=", "--shimbun.data-dir=" + dir, "--shimbun.scheduling.enabled=false",
				"--logging.level.root=warn", "--logging.level.io.zonky=" + (EXPLAIN ? "info" : "warn"),
				"--spring.main.banner-mode=off");
		try {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			// without the application's query timeout: loading takes longer than a page
			// may
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			long started = System.nanoTime();
			load(jdbc);
			System.out.printf("loaded %,d articles in %.1f s%n",
					jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class),
					(System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			int indexed = context.getBean(SearchIndexer.class).indexMissing();
			System.out.printf("indexed %,d articles (%,d grams) in %.1f s%n", indexed,
					jdbc.queryForObject("SELECT COUNT(*) FROM article_search_gram", Long.class),
					(System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			jdbc.execute("ANALYZE");
			System.out.printf("statistics updated (ANALYZE) in %.1f s%n", (System.nanoTime() - started) / 1e9);
			SearchService search = context.getBean(SearchService.class);
			HttpClient http = HttpClient.newHttpClient();
			Result[] results = new Result[QUERIES.length];
			for (int q = 0; q < QUERIES.length; q++) {
				String query = QUERIES[q];
				long matches = search.search(query, 1).total();
				Latencies latencies = Latencies.measure(http, URI.create(
						"http://localhost:" + port + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
						SEARCHES);
				results[q] = new Result(matches, latencies.percentile(50), latencies.percentile(99));
				System.out.printf("%7d matches, p50 %7.2f ms, p99 %7.2f ms (load average %s): %s%n", matches,
						results[q].p50(), results[q].p99(), loadAverage(), query);
			}
			if (EXPLAIN && url.startsWith("jdbc:postgresql:")) {
				explain(context, jdbc, search);
			}
			return results;
		}
		finally {
			context.close();
		}
	}

	/**
	 * Runs every query once more with PostgreSQL's auto_explain logging the plan of each
	 * statement with its timings and buffers (in the server's log, printed by the
	 * embedded server's logger).
	 */
	private static void explain(ConfigurableApplicationContext context, JdbcTemplate jdbc, SearchService search) {
		jdbc.execute("ALTER DATABASE bench SET session_preload_libraries = 'auto_explain'");
		jdbc.execute("ALTER DATABASE bench SET auto_explain.log_min_duration = 0");
		jdbc.execute("ALTER DATABASE bench SET auto_explain.log_analyze = on");
		jdbc.execute("ALTER DATABASE bench SET auto_explain.log_buffers = on");
		context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		for (String query : QUERIES) {
			System.out.println("-- plans for " + query);
			search.search(query, 1);
		}
	}

	/**
	 * Articles {@code bench-1} … {@code bench-N}, five minutes apart, in five kinds of
	 * headline, with one paragraph each: SQL that H2 and PostgreSQL both run.
	 */
	private static void load(JdbcTemplate jdbc) {
		jdbc.update("""
				INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
				SELECT 'bench-' || s.x,
					CASE MOD(s.x, 5)
						WHEN 0 THEN '日米の核兵器と抑止力 第' || s.x || '回協議'
						WHEN 1 THEN '気候変動対策で新方針 国際会議' || s.x
						WHEN 2 THEN '首相が記者会見 経済対策を説明' || s.x
						WHEN 3 THEN '地方の鉄道 存続へ住民が署名' || s.x
						ELSE 'スポーツ 大会で新記録 選手' || s.x END,
					1 + MOD(s.x, 6), (SELECT MIN(id) FROM author), 'PUBLISHED',
					CURRENT_TIMESTAMP - s.x * INTERVAL '5' MINUTE, CURRENT_TIMESTAMP - s.x * INTERVAL '5' MINUTE
				FROM generate_series(1, ?) AS s(x)
				""", ARTICLES);
		jdbc.update("""
				INSERT INTO article_block (article_id, position, kind, body_text)
				SELECT a.id, 0, 'PARAGRAPH',
					CASE MOD(a.id, 3)
						WHEN 0 THEN '政府は' || a.id || '日、関係省庁の担当者を集めて対応を協議した。今後の日程は未定としている。'
						WHEN 1 THEN '専門家は「長期的な視点が欠かせない」と指摘し、透明性の高い議論を求めた。'
						ELSE '関係者によると、計画は来年度から段階的に実施される見通しで、費用の分担が焦点となる。' END
				FROM article a WHERE a.slug LIKE 'bench-%'
				""");
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private record Result(long matches, double p50, double p99) {
	}

}
