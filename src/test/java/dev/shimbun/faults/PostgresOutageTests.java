package dev.shimbun.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.pagecache.PageCache;
import dev.shimbun.support.StaffSession;
import dev.shimbun.web.HtmlForm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL outage while the site runs, as an operator sees it: the embedded
 * PostgreSQL server is stopped under the running application and started again, and the
 * application is never restarted. Cached pages keep answering at once, other pages and
 * every form get the 503 page within 2 seconds (keeping what was sent), readiness goes
 * DOWN and comes back by itself, nothing is acknowledged that is not stored, and view
 * counts read during the outage are written after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresOutageTests {

	private static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

	/** Another reader, who reads during the outage. */
	private static final String OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15";

	@TempDir
	static Path temporary;

	private static int databasePort;

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext site;

	private static int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String userAgent = BROWSER;

	@BeforeAll
	static void startDatabaseAndSite() throws IOException {
		databasePort = freePort();
		postgres = startDatabase();
		port = freePort();
		site = new SpringApplicationBuilder(ShimbunApplication.class).run("--server.port=" + port,
				"--spring.main.banner-mode=off", "--shimbun.data-dir=" + temporary.resolve("data"),
				"--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--shimbun.admin.username=chief", "--shimbun.admin.password=outage-drill-secret",
				"--shimbun.views.flush-interval=1s", "--shimbun.views.ranking-interval=1h",
				"--shimbun.site.base-url=http://localhost:" + port);
		awaitFirstRankings();
	}

	/**
	 * The rankings are recomputed 2 s after the start, then (here) once an hour. Waits
	 * for that first recompute: when the lists changed it marks every page stale, and
	 * coming between the page being kept and the outage it would have the first reader
	 * after the outage render the page again (and wait for the database to fail) instead
	 * of getting it from memory.
	 */
	private static void awaitFirstRankings() {
		MeterRegistry meters = site.getBean(MeterRegistry.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Timer recomputes;
		do {
			recomputes = meters.find("shimbun.rankings.recompute").timer();
			Thread.onSpinWait();
		}
		while ((recomputes == null || recomputes.count() == 0) && System.nanoTime() < deadline);
		assertThat(recomputes).as("the rankings' recompute timer").isNotNull();
		assertThat(recomputes.count()).as("rankings recomputed since the start").isPositive();
	}

	@AfterAll
	static void stopSiteAndDatabase() throws IOException {
		if (site != null) {
			site.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static EmbeddedPostgres startDatabase() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(temporary.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setPort(databasePort)
			.start();
	}

	@Test
	void anOutageIsAShortClearDegradation(CapturedOutput output) throws Exception {
		// before: the article and the front page are in the page cache; an editor has the
		// article's edit form open
		long articleId = queryLong("SELECT id FROM article WHERE slug = ?", ARTICLE.substring(10));
		long viewsBefore = queryLong("SELECT view_count FROM article WHERE id = ?", articleId) + 1;
		assertThat(get(ARTICLE).statusCode()).isEqualTo(200);
		assertThat(get("/").statusCode()).isEqualTo(200);
		awaitViews(articleId, viewsBefore);
		StaffSession editor = StaffSession.signIn(port, "chief", "outage-drill-secret");
		Document form = Jsoup.parse(editor.get("/admin/articles/" + articleId + "/edit").body());
		HtmlForm edit = HtmlForm.sent(form.selectFirst("form.article-editor"));
		edit.set("headline", "停電中に直した見出し");

		postgres.close();
		long stopped = System.nanoTime();
		this.userAgent = OTHER_BROWSER;

		// a cached page answers at once
		HttpResponse<String> cached = timed(() -> get(ARTICLE), Duration.ofSeconds(1), "a cached article");
		assertThat(cached.statusCode()).isEqualTo(200);
		assertThat(cached.body()).contains("日米拡大抑止協議");

		// right at the start, before anything noticed the outage: a page to render waits
		// for a connection no longer than the pool's timeout
		assertThat(timed(() -> get("/categories/news?page=3"), Duration.ofSeconds(2), "the first page to render")
			.statusCode()).isEqualTo(503);

		// readiness goes DOWN within 5 s; liveness stays UP
		awaitStatus("/actuator/health/readiness", 503, stopped, Duration.ofSeconds(5));
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
		int logBefore = output.getAll().length();

		// a page never cached: the 503 page in the site's layout, with Retry-After
		HttpResponse<String> uncached = timed(() -> get("/categories/trend?page=2"), Duration.ofSeconds(2),
				"a page never cached");
		assertThat(uncached.statusCode()).isEqualTo(503);
		assertThat(uncached.headers().firstValue("Retry-After")).hasValueSatisfying((value) -> {
			assertThat(Integer.parseInt(value)).isPositive();
		});
		Document unavailable = Jsoup.parse(uncached.body());
		assertThat(unavailable.select("h1").text()).as(uncached.body()).isEqualTo("ただいま表示できません");
		assertThat(unavailable.select("nav a").eachText()).as("the main menu, kept in memory").contains("トレンド");

		// the article's entry dropped (as moderation drops it): its last rendering
		site.getBean(PageCache.class).invalidateArticle(ARTICLE.substring(10));
		HttpResponse<String> dropped = timed(() -> get(ARTICLE), Duration.ofSeconds(1), "a dropped article");
		assertThat(dropped.statusCode()).isEqualTo(200);
		assertThat(dropped.body()).contains("日米拡大抑止協議");

		// a comment: refused at once, its text kept in a form that sends it again
		String text = "停電中に書いたコメントです。保存されていなければ、もう一度送ります。";
		HttpResponse<String> comment = timed(
				() -> postComment(ARTICLE + "/comments",
						"nickname=" + StaffSession.encode("読者") + "&body=" + StaffSession.encode(text) + "&website="),
				Duration.ofSeconds(2), "a comment");
		assertThat(comment.statusCode()).isEqualTo(503);
		Document refused = Jsoup.parse(comment.body());
		Element resend = refused.selectFirst("form.resend");
		assertThat(resend).isNotNull();
		assertThat(resend.attr("action")).isEqualTo(ARTICLE + "/comments");
		assertThat(resend.select("textarea[name=body]").text()).isEqualTo(text);

		// an editor's save: refused at once, the form kept, with the editor's CSRF token
		HttpResponse<String> save = timed(() -> editor.post(edit.action(), edit.urlEncoded()), Duration.ofSeconds(2),
				"an editor's save");
		assertThat(save.statusCode()).isEqualTo(503);
		Element kept = Jsoup.parse(save.body()).selectFirst("form.resend");
		assertThat(kept).isNotNull();
		assertThat(kept.select("[name=headline]").val()).isEqualTo("停電中に直した見出し");
		assertThat(kept.select("input[type=hidden][name=_csrf]").val()).isNotEmpty();
		assertThat(timed(() -> editor.get("/admin"), Duration.ofSeconds(2), "an admin page").statusCode())
			.isEqualTo(503);
		// the editor reading the site is served as a reader
		HttpResponse<String> read = timed(() -> editor.get(ARTICLE), Duration.ofSeconds(1), "an editor reading");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("日米拡大抑止協議");

		// from the moment the outage was noticed: not a line more in the log
		assertThat(output.getAll().substring(logBefore)).as("logged during the outage").isEmpty();

		postgres = startDatabase();
		long started = System.nanoTime();
		awaitStatus("/actuator/health/readiness", 200, started, Duration.ofSeconds(5));

		// nothing sent during the outage was stored; sent again, it is
		assertThat(queryLong("SELECT COUNT(*) FROM article_comment WHERE body = ?", text)).isZero();
		assertThat(queryLong("SELECT COUNT(*) FROM article WHERE id = ? AND headline = ?", articleId, "停電中に直した見出し"))
			.isZero();
		HttpResponse<String> again = postComment(resend.attr("action"), HtmlForm.sent(resend).urlEncoded());
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("?comment=posted#comment-"));
		assertThat(queryLong("SELECT COUNT(*) FROM article_comment WHERE body = ?", text)).isOne();
		HttpResponse<String> saved = editor.post(kept.attr("action"), HtmlForm.sent(kept).urlEncoded());
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(queryLong("SELECT COUNT(*) FROM article WHERE id = ? AND headline = ?", articleId, "停電中に直した見出し"))
			.isOne();

		// the read counted during the outage (another reader's) is written after it
		awaitViews(articleId, viewsBefore + 1);

		// one WARN when it started, one INFO when it ended
		String log = output.getAll();
		assertThat(log.lines().filter((line) -> line.contains("The database is unavailable"))).hasSize(1);
		assertThat(log.lines().filter((line) -> line.contains("The database answers again"))).hasSize(1);
	}

	/** Waits up to 10 s for the article's view count to be written. */
	private static void awaitViews(long articleId, long expected) throws SQLException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		long views;
		do {
			views = queryLong("SELECT view_count FROM article WHERE id = ?", articleId);
		}
		while (views < expected && System.nanoTime() < deadline);
		assertThat(views)
			.as(() -> "view count; views still buffered: "
					+ ReflectionTestUtils.invokeMethod(site.getBean("viewCounter"), "pending")
					+ "; scheduler threads:\n" + schedulerThreads())
			.isEqualTo(expected);
	}

	/**
	 * What the threads that run scheduled jobs (the view flush) are doing, on failure.
	 */
	private static String schedulerThreads() {
		StringBuilder threads = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().startsWith("scheduling")) {
				threads.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				for (StackTraceElement frame : stack) {
					threads.append("    ").append(frame).append('\n');
				}
			}
		});
		return threads.toString();
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("User-Agent", this.userAgent)
			.header("Accept", "text/html")
			.GET());
	}

	private HttpResponse<String> postComment(String path, String form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("User-Agent", this.userAgent)
			.header("Origin", "http://localhost:" + port)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static <T> T timed(Supplier<T> action, Duration limit, String what) {
		long start = System.nanoTime();
		T result = action.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("%s answered in %s", what, took).isLessThan(limit);
		return result;
	}

	/** Asks until the status is as expected, and no later than the limit after since. */
	private void awaitStatus(String path, int status, long since, Duration limit) {
		long deadline = since + limit.toNanos();
		int seen;
		do {
			seen = send(HttpRequest.newBuilder(uri(path)).GET()).statusCode();
		}
		while (seen != status && System.nanoTime() < deadline);
		assertThat(seen).as("%s within %s", path, limit).isEqualTo(status);
	}

	private static long queryLong(String sql, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
