package dev.shimbun.edge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.support.Instances;
import dev.shimbun.support.TestDatabases;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Varnish with deploy/varnish/shimbun.vcl in front of two instances on one PostgreSQL
 * database (by hash), the instances purging it ({@code shimbun.edge.caches}). Needs
 * Debian's {@code varnish} and {@code varnish-modules} (.ci/run installs them); fails,
 * never skips, without them.
 */
class VarnishTests {

	static final String VARNISHD = "/usr/sbin/varnishd";

	static final String PASSWORD = "edge-test-password";

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static Process varnish;

	static Path work;

	static int port;

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startVarnishInFrontOfTwoInstances() throws Exception {
		assertThat(Path.of(VARNISHD)).as("varnishd is needed: apt-get install varnish varnish-modules").isExecutable();
		work = Files.createTempDirectory("shimbun-varnish");
		port = freePort();
		String url = TestDatabases.newPostgresDatabase();
		Path data = Files.createDirectories(work.resolve("data"));
		Class<?>[] sources = new Class<?>[0];
		// no polling for the other instance's changes: each page is fetched from the
		// instance that changed it, whose own purge alone has to bring the new page
		String[] settings = { "--shimbun.views.flush-interval=1h", "--shimbun.cluster.poll-interval=1h",
				"--shimbun.edge.caches=http://127.0.0.1:" + port, "--shimbun.edge.purge-timeout=1s" };
		a = Instances.start(url, data, PASSWORD, sources, settings);
		b = Instances.start(url, data, PASSWORD, sources, settings);
		// the pages' templates rendered once on each instance, as in a running site
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + "/articles/why-we-yawn"))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		Path vcl = work.resolve("shimbun.vcl");
		// the instances of a loaded test machine may answer a probe late: one answer in
		// three
		// within 5 s keeps them in
		String deployed = Files.readString(Path.of("deploy/varnish/shimbun.vcl"))
			.replace(".timeout = 1s;", ".timeout = 5s;")
			.replace(".threshold = 2;", ".threshold = 1;");
		assertThat(deployed).contains(".timeout = 5s;", ".threshold = 1;");
		Files.writeString(vcl, vcl(deployed, port(a), port(b)));
		Path log = work.resolve("varnishd.log");
		// -j none: as root, the default jail would run the compiler as another user,
		// which
		// cannot write to this directory
		varnish = new ProcessBuilder(VARNISHD, "-F", "-j", "none", "-n", work.resolve("varnish").toString(), "-a",
				"127.0.0.1:" + port, "-f", vcl.toString(), "-s", "malloc,64m")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptionsInstanceOf(IOException.class)
			.untilAsserted(() -> {
				assertThat(varnish.isAlive()).as("varnishd exited:%n%s", Files.readString(log)).isTrue();
				assertThat(get("/").statusCode()).isEqualTo(200);
			});
		// this test's own HTML parser loaded and run once, so that its first use (some
		// 300 ms) does not count in a test's second
		Jsoup.parse(get("/").body()).select(".comment-body").eachText();
	}

	@AfterAll
	static void stop() throws Exception {
		if (varnish != null) {
			varnish.destroy();
			varnish.waitFor();
		}
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (work != null) {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	@Test
	void articlePageThenAHitTheSecondTimeWithoutItsTags() throws Exception {
		String path = "/articles/dog-reunion-hospital";
		HttpResponse<String> first = get(path);
		HttpResponse<String> second = get(path);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(ids(first)).hasSize(1);
		assertThat(ids(second)).hasSize(2);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("xkey")).isEmpty();
		assertThat(second.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(cacheControl) -> assertThat(cacheControl).contains("max-age=10").doesNotContain("86400"));
	}

	@Test
	void commentPostedThroughVarnishThenOnTheArticlePageWithinASecondAndOtherPagesStayCached() throws Exception {
		String article = "/articles/subaru-brz-2026";
		String unrelated = "/articles/china-j36-fighter-redesign";
		get(article);
		assertThat(get(article).headers().firstValue("X-Cache")).hasValue("HIT");
		get(unrelated);
		HttpResponse<String> kept = get(unrelated);
		assertThat(kept.headers().firstValue("X-Cache")).hasValue("HIT");
		String body = "エッジキャッシュ越しのコメント";
		String form = "nickname=" + URLEncoder.encode("読者V", StandardCharsets.UTF_8) + "&body="
				+ URLEncoder.encode(body, StandardCharsets.UTF_8);
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri(article + "/comments"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "http://127.0.0.1:" + port)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("comment=posted");
		List<String> seen = new CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		try {
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
				HttpResponse<String> page = get(article);
				seen.add((System.nanoTime() - start) / 1000000 + " ms: "
						+ page.headers().firstValue("X-Cache").orElse("") + " from "
						+ page.headers().firstValue("X-Backend").orElse("") + " X-Varnish "
						+ page.headers().firstValue("X-Varnish").orElse(""));
				return comments(page.body()).contains(body);
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The comment was not on the article page through Varnish within 1 s: " + seen, ex);
		}
		HttpResponse<String> still = get(unrelated);
		assertThat(still.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(ids(still).get(1)).as("the same cached object").isEqualTo(ids(kept).get(1));
	}

	/**
	 * An editor's change marks the article's page stale on the instance that made it:
	 * Varnish, soft-purged, serves its old copy while it fetches the new one, and that
	 * fetch gets the page as it is now, not the instance's stale copy.
	 */
	@Test
	void headlineEditedOnTheArticlesInstanceThenThroughVarnishWithinASecond() throws Exception {
		String slug = "pig-kidney-transplant-ucla";
		String article = "/articles/" + slug;
		get(article);
		HttpResponse<String> cached = get(article);
		assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
		ConfigurableApplicationContext instance = "app1".equals(cached.headers().firstValue("X-Backend").orElseThrow())
				? a : b;
		String headline = "エッジキャッシュ越しに直した見出し";
		Long id = instance.getBean(JdbcTemplate.class)
			.queryForObject("SELECT id FROM article WHERE slug = ?", Long.class, slug);
		ArticleAdminService editor = instance.getBean(ArticleAdminService.class);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("chief", null, "ROLE_ADMIN"));
		try {
			ArticleForm form = editor.form(id);
			form.setHeadline(headline);
			editor.update(id, form);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		List<String> seen = new CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		try {
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
				HttpResponse<String> page = get(article);
				String shown = Jsoup.parse(page.body()).select("#article-headline").text();
				seen.add((System.nanoTime() - start) / 1000000 + " ms: "
						+ page.headers().firstValue("X-Cache").orElse("") + " " + shown);
				return shown.equals(headline);
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The new headline was not on the page through Varnish within 1 s: " + seen, ex);
		}
	}

	@Test
	void purgedByTagThenFetchedAgain() throws Exception {
		String path = "/articles/boys-help-stray-dog";
		get(path);
		assertThat(get(path).headers().firstValue("X-Cache")).hasValue("HIT");
		HttpResponse<String> purged = http.send(HttpRequest.newBuilder(uri("/"))
			.method("PURGE", HttpRequest.BodyPublishers.noBody())
			.header("xkey-purge", "page-boys-help-stray-dog")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(purged.statusCode()).isEqualTo(200);
		assertThat(get(path).headers().firstValue("X-Cache")).hasValue("MISS");
	}

	@Test
	void softPurgedThenServedStaleOnceWhileFetchedAgain() throws Exception {
		String path = "/articles/stray-dog-old-friendship";
		get(path);
		HttpResponse<String> cached = get(path);
		assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
		HttpResponse<String> purged = http.send(HttpRequest.newBuilder(uri("/"))
			.method("PURGE", HttpRequest.BodyPublishers.noBody())
			.header("xkey-softpurge", "page-stray-dog-old-friendship")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(purged.statusCode()).isEqualTo(200);
		HttpResponse<String> stale = get(path);
		assertThat(stale.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(ids(stale).get(1)).as("the old object").isEqualTo(ids(cached).get(1));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !ids(get(path)).get(1).equals(ids(cached).get(1)));
	}

	@Test
	void staffSessionThenPassedToTheApplication() throws Exception {
		String path = "/articles/lamborghini-lounge-tokyo";
		get(path);
		assertThat(get(path).headers().firstValue("X-Cache")).hasValue("HIT");
		HttpResponse<String> staff = http.send(
				HttpRequest.newBuilder(uri(path)).header("Cookie", "SESSION=not-a-session").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(staff.headers().firstValue("X-Cache")).hasValue("MISS");
		assertThat(ids(staff)).hasSize(1);
	}

	/**
	 * A live comment stream reaches the reader as the instance writes it: the stream's
	 * opening comment arrives while the response is still open (a passed response would
	 * wait in Varnish's buffer).
	 */
	@Test
	void liveCommentStreamThenPassedAndStreamed() throws Exception {
		HttpResponse<InputStream> stream = http
			.sendAsync(HttpRequest.newBuilder(uri("/articles/dog-reunion-hospital/comments/stream"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream())
			.get(10, TimeUnit.SECONDS);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			String first = CompletableFuture.supplyAsync(() -> {
				try {
					return reader.readLine();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).get(10, TimeUnit.SECONDS);
			assertThat(first).isEqualTo(":open");
		}
	}

	private static List<String> comments(String page) {
		return Jsoup.parse(page).select(".comment-body").eachText();
	}

	/**
	 * X-Varnish: this request's id, and on a hit the id of the request that fetched it.
	 */
	private static List<String> ids(HttpResponse<?> response) {
		return List.of(response.headers().firstValue("X-Varnish").orElseThrow().split(" "));
	}

	static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** The deployed VCL with its backends on the two instances' ports. */
	static String vcl(String deployed, int... ports) {
		List<String> lines = new ArrayList<>(deployed.lines().toList());
		StringBuilder out = new StringBuilder();
		boolean skipping = false;
		for (String line : lines) {
			if (line.strip().startsWith("# END ")) {
				skipping = false;
			}
			if (skipping) {
				continue;
			}
			out.append(line).append('\n');
			if (line.strip().startsWith("# BEGIN backends")) {
				skipping = true;
				for (int i = 0; i < ports.length; i++) {
					out.append("backend app")
						.append(i + 1)
						.append(" {\n    .host = \"127.0.0.1\";\n    .port = \"")
						.append(ports[i])
						.append("\";\n    .between_bytes_timeout = 90s;\n    .probe = readiness;\n}\n");
				}
			}
			if (line.strip().startsWith("# BEGIN director")) {
				skipping = true;
				for (int i = 0; i < ports.length; i++) {
					out.append("    shimbun.add_backend(app").append(i + 1).append(", 1.0);\n");
				}
			}
		}
		return out.toString();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
