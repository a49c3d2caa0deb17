package dev.shimbun.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.search.SearchIndexer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Site search at scale (not a test: run it with {@code bench/search.sh}). Starts the
 * application on a fresh embedded database, loads 100 000 articles with Japanese
 * headlines and one paragraph each, indexes them, then times search pages for common and
 * rare, short and long queries.
 */
public final class SearchBench {

	private static final int ARTICLES = 100_000;

	private static final int SEARCHES = 200;

	private static final String[] QUERIES = { "核兵", "日米", "抑止力", "バークスデール", "気候変動", "記者会見 首相", "B-52", "存在しない語句" };

	private SearchBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("shimbun-search-bench");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir + "/bench",
				"--shimbun.data-dir=" + dir, "--shimbun.scheduling.enabled=false", "--logging.level.root=warn",
				"--spring.main.banner-mode=off");
		try {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long started = System.nanoTime();
			jdbc.update("""
					INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
					SELECT 'bench-' || X,
						CASE MOD(X, 5)
							WHEN 0 THEN '日米の核兵器と抑止力 第' || X || '回協議'
							WHEN 1 THEN '気候変動対策で新方針 国際会議' || X
							WHEN 2 THEN '首相が記者会見 経済対策を説明' || X
							WHEN 3 THEN '地方の鉄道 存続へ住民が署名' || X
							ELSE 'スポーツ 大会で新記録 選手' || X END,
						1 + MOD(X, 6), (SELECT MIN(id) FROM author), 'PUBLISHED',
						DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP), DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP)
					FROM SYSTEM_RANGE(1, ?)
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
			System.out.printf("loaded %,d articles in %.1f s%n",
					jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class),
					(System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			int indexed = context.getBean(SearchIndexer.class).indexMissing();
			System.out.printf("indexed %,d articles (%,d grams) in %.1f s%n", indexed,
					jdbc.queryForObject("SELECT COUNT(*) FROM article_search_gram", Long.class),
					(System.nanoTime() - started) / 1e9);
			HttpClient http = HttpClient.newHttpClient();
			for (String query : QUERIES) {
				Latencies latencies = Latencies.measure(http, URI.create(
						"http://localhost:" + port + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
						SEARCHES);
				System.out.printf("%-16s p50 %7.2f ms, p99 %7.2f ms%n", query, latencies.percentile(50),
						latencies.percentile(99));
			}
		}
		finally {
			context.close();
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

}
