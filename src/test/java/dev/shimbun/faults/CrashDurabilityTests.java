package dev.shimbun.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.web.HtmlForm;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader or an editor is told is saved survives the process being killed at once
 * ({@code kill -9}) right after: the application runs in a JVM of its own on the default
 * embedded H2 database in files, readers post comments from several threads without a
 * pause, an editor changes the EDD article's headline, and the JVM is killed the moment
 * the edit is acknowledged, with comments still in flight. Started again on the same
 * data, the application has every acknowledged comment and the new headline.
 * <p>
 * H2 writes committed changes in the background every 500 ms unless told otherwise
 * ({@code WRITE_DELAY}); with that, the edit and the comments of the last half second are
 * lost here.
 */
class CrashDurabilityTests {

	private static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private static final String ADMIN = "chief";

	private static final String PASSWORD = "crash-test-password";

	private static final int POSTERS = 6;

	/** Acknowledged comments before the edit and the kill. */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

	private static final String[] SETTINGS = { "--shimbun.comments.per-minute=1000000000",
			"--shimbun.comments.per-day=1000000000", "--shimbun.admin.username=" + ADMIN,
			"--shimbun.admin.password=" + PASSWORD, "--logging.level.root=warn" };

	@TempDir
	Path temp;

	@Test
	void acknowledgedCommentsAndEditSurviveKillMinusNine() throws Exception {
		Path dataDir = this.temp.resolve("data");
		Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
		String headline = "日米拡大抑止協議、強制終了の直前に保存した見出し";
		int inFlight;
		try (ChildApplication first = ChildApplication.start(dataDir, "first", SETTINGS)) {
			assertThat(dataDir.resolve("shimbun.mv.db")).as("the database in files").exists();
			Editor editor = Editor.signIn(first);
			HtmlForm form = editor.editForm("バークスデール");
			assertThat(form.get("headline")).isNotEqualTo(headline);
			form.set("headline", headline);

			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			AtomicInteger sent = new AtomicInteger();
			AtomicInteger answered = new AtomicInteger();
			ExecutorService readers = Executors.newFixedThreadPool(POSTERS);
			try {
				List<Future<?>> posting = new ArrayList<>();
				for (int i = 0; i < POSTERS; i++) {
					int reader = i;
					posting.add(readers.submit(() -> post(first, reader, acknowledged, enough, sent, answered)));
				}
				assertThat(enough.await(2, TimeUnit.MINUTES)).as("%d comments acknowledged", ACKNOWLEDGED_BEFORE_KILL)
					.isTrue();
				// the edit is the last thing acknowledged: the JVM dies as soon as it is
				assertThat(editor.save(form)).as("edit acknowledged").isTrue();
				first.kill();
				inFlight = sent.get() - answered.get();
				for (Future<?> reader : posting) {
					reader.get(1, TimeUnit.MINUTES);
				}
			}
			finally {
				readers.shutdownNow();
			}
		}
		assertThat(inFlight).as("comments in flight at the kill").isPositive();

		String headlineAfter;
		try (ChildApplication second = ChildApplication.start(dataDir, "second", SETTINGS)) {
			Document page = Jsoup.parse(send(HttpClient.newHttpClient(),
					HttpRequest.newBuilder(second.uri(ARTICLE)).header("Accept", "text/html").build())
				.body());
			headlineAfter = page.selectFirst("h1").text();
			second.stop();
		}
		Set<String> stored = storedComments(dataDir);
		List<String> lost = acknowledged.stream().filter((body) -> !stored.contains(body)).toList();
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(headlineAfter).as("the acknowledged headline").isEqualTo(headline);
			softly.assertThat(lost).as("acknowledged comments lost, of %d", acknowledged.size()).isEmpty();
		});
	}

	/**
	 * Posts comments without a pause until the application is gone; notes the body of
	 * every comment acknowledged with the redirect to {@code ?comment=posted#comment-N}.
	 */
	private static Void post(ChildApplication application, int reader, Queue<String> acknowledged,
			CountDownLatch enough, AtomicInteger sent, AtomicInteger answered) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		for (int n = 1;; n++) {
			String body = "crash-" + reader + "-" + n;
			HttpRequest request = HttpRequest.newBuilder(application.uri(ARTICLE + "/comments"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", application.origin())
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("nickname=crash&body=" + encode(body)))
				.build();
			HttpResponse<Void> response;
			sent.incrementAndGet();
			try {
				response = http.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// the application is gone
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			answered.incrementAndGet();
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() == 302 && location.contains("?comment=posted#comment-")) {
				acknowledged.add(body);
				enough.countDown();
			}
			else {
				throw new AssertionError("comment " + body + " answered " + response.statusCode() + " " + location);
			}
		}
	}

	/** The comment bodies in the database, read from its file once nothing holds it. */
	private static Set<String> storedComments(Path dataDir) throws Exception {
		Set<String> bodies = new HashSet<>();
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:file:" + dataDir.resolve("shimbun") + ";ACCESS_MODE_DATA=r", "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT body FROM article_comment WHERE body LIKE 'crash-%'")) {
			while (rows.next()) {
				bodies.add(rows.getString(1));
			}
		}
		return bodies;
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A signed-in editor's browser: its session cookie and its CSRF token. */
	private static final class Editor {

		private final ChildApplication application;

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();

		private Editor(ChildApplication application) {
			this.application = application;
		}

		static Editor signIn(ChildApplication application) throws Exception {
			Editor editor = new Editor(application);
			String token = editor.get("/admin/login").selectFirst("input[name=_csrf]").attr("value");
			HttpResponse<String> signedIn = editor.post("/admin/login",
					"username=" + encode(ADMIN) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(token));
			assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/admin");
			return editor;
		}

		/** The edit form of the first article found by a headline search. */
		HtmlForm editForm(String query) throws Exception {
			Element link = get("/admin/articles?q=" + encode(query)).selectFirst("tbody a");
			assertThat(link).as("article found").isNotNull();
			Document page = get(link.attr("href"));
			Element form = page.selectFirst("form.article-editor");
			assertThat(form).as("edit form").isNotNull();
			return HtmlForm.sent(form);
		}

		/** Saves the form; true when the save is acknowledged (redirect to the form). */
		boolean save(HtmlForm form) throws Exception {
			HttpResponse<String> response = post(form.action(), form.urlEncoded() + "&action=save");
			return response.statusCode() == 302
					&& response.headers().firstValue("Location").orElse("").endsWith("/edit");
		}

		Document get(String path) throws Exception {
			return Jsoup.parse(send(this.http,
					HttpRequest.newBuilder(this.application.uri(path))
						.header("Accept", "text/html")
						.timeout(Duration.ofSeconds(30))
						.build())
				.body());
		}

		HttpResponse<String> post(String path, String body) throws Exception {
			return send(this.http,
					HttpRequest.newBuilder(this.application.uri(path))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Accept", "text/html")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build());
		}

	}

}
