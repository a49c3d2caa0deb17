package dev.shimbun.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.ranking.RankingService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rankings at scale (not a test: run it with {@code bench/rankings.sh}). Starts the
 * application on a fresh embedded database, measures the article page, loads 100 000
 * articles and 10 million hourly view buckets spread over a year, then times the
 * computation of every ranking and measures the article page again.
 */
public final class RankingBench {

	private static final int ARTICLES = 100_000;

	private static final int BUCKETS_PER_ARTICLE = 100;

	private static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private RankingBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("shimbun-ranking-bench");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir + "/bench",
				"--shimbun.data-dir=" + dir, "--shimbun.scheduling.enabled=false", "--logging.level.root=warn",
				"--spring.main.banner-mode=off");
		try {
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			RankingService rankings = context.getBean(RankingService.class);
			Latencies before = Latencies.measure(HttpClient.newHttpClient(),
					URI.create("http://localhost:" + port + ARTICLE), 2000);
			long started = System.nanoTime();
			jdbc.update("""
					INSERT INTO article (slug, headline, category_id, author_id, status, published_at, updated_at)
					SELECT 'bench-' || X, 'ベンチマーク記事 ' || X || ' 日米の核兵器と抑止力', 1 + MOD(X, 6),
						(SELECT MIN(id) FROM author), 'PUBLISHED',
						DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP), DATEADD('MINUTE', -X * 5, CURRENT_TIMESTAMP)
					FROM SYSTEM_RANGE(1, ?)
					""", ARTICLES);
			// one statement (and transaction) per 100 000 buckets keeps the database file
			// small
			for (int slot = 0; slot < BUCKETS_PER_ARTICLE; slot++) {
				jdbc.update("""
						INSERT INTO article_view_hour (article_id, hour_start, views)
						SELECT a.id, DATEADD('HOUR', -(? * 87 + MOD(a.id, 87)), DATE_TRUNC('HOUR', CURRENT_TIMESTAMP)),
							1 + MOD(a.id * 31 + ? * 17, 500)
						FROM article a
						WHERE a.slug LIKE 'bench-%'
						""", slot, slot);
			}
			long buckets = jdbc.queryForObject("SELECT COUNT(*) FROM article_view_hour", Long.class);
			long articles = jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
			System.out.printf("loaded %,d articles and %,d hourly buckets in %.1f s%n", articles, buckets,
					(System.nanoTime() - started) / 1e9);
			rankings.recompute();
			double[] times = new double[5];
			for (int i = 0; i < times.length; i++) {
				long t = System.nanoTime();
				rankings.recompute();
				times[i] = (System.nanoTime() - t) / 1e6;
			}
			Arrays.sort(times);
			Latencies after = Latencies.measure(HttpClient.newHttpClient(),
					URI.create("http://localhost:" + port + ARTICLE), 2000);
			System.out.printf("rankings recompute: median %.0f ms, worst %.0f ms (target < 1000 ms)%n", times[2],
					times[4]);
			System.out.printf("article page with the seed only:   p50 %.2f ms, p99 %.2f ms%n", before.percentile(50),
					before.percentile(99));
			System.out.printf("article page with 100k articles:   p50 %.2f ms, p99 %.2f ms (ratio %.2f)%n",
					after.percentile(50), after.percentile(99), after.percentile(99) / before.percentile(99));
			System.out.println((times[4] < 1000) ? "PASS: rankings under a second" : "FAIL: rankings over a second");
		}
		finally {
			context.close();
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

}
