package dev.shimbun.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image bombs and a busy server, through a real Jetty and a real sign-in: each bomb is
 * refused with 422 and its reason on the upload form, nothing is stored, and readers'
 * pages are served while the bombs arrive and after. When every decode is taken, an
 * upload is refused at once with 429 and {@code Retry-After}, and readers are still
 * served.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.admin.username=chief", "shimbun.admin.password=a-long-enough-secret",
				"shimbun.media.concurrent-decodes=2", "shimbun.media.decode-wait=200ms" })
class MediaUploadHardeningTests {

	private static final String BOUNDARY = "----shimbun-hardening-boundary";

	private static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@TempDir
	static Path mediaDir;

	@DynamicPropertySource
	static void mediaDirectory(DynamicPropertyRegistry registry) {
		registry.add("shimbun.media.dir", () -> mediaDir.toString());
	}

	@LocalServerPort
	private int port;

	@Autowired
	private MediaLibrary library;

	@Autowired
	private DecodeGate gate;

	@Autowired
	private MessageSource messages;

	private HttpClient http;

	private final HttpClient reader = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void signIn() throws Exception {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Document login = Jsoup.parse(fetch(this.http, "/admin/login").body());
		String token = login.selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(uri("/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=chief&password=a-long-enough-secret&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin"));
	}

	@Test
	void bombsAreRefusedWith422AndNothingIsStoredWhileReadersAreServed() throws Exception {
		long rows = this.library.library(null, 0).getTotalElements();
		long files = fileCount();
		Map<String, ImageBombs.Case> bombs = ImageBombs.all();
		Element form = uploadForm();
		List<String> names = new ArrayList<>(bombs.keySet());
		int readers = 2;
		CyclicBarrier start = new CyclicBarrier(names.size() + readers);
		CountDownLatch uploadsDone = new CountDownLatch(names.size());
		ExecutorService threads = Executors.newFixedThreadPool(names.size() + readers);
		try {
			List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
			for (String name : names) {
				uploads.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					try {
						return upload(form, bombs.get(name).content(), name + ".img");
					}
					finally {
						uploadsDone.countDown();
					}
				}));
			}
			List<Future<List<Integer>>> reads = new ArrayList<>();
			for (int index = 0; index < readers; index++) {
				reads.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					List<Integer> statuses = new ArrayList<>();
					// at least one read, and then until every upload has been answered
					do {
						statuses.add(fetch(this.reader, ARTICLE).statusCode());
					}
					while (!uploadsDone.await(0, TimeUnit.MILLISECONDS));
					return statuses;
				}));
			}
			for (int index = 0; index < names.size(); index++) {
				String name = names.get(index);
				HttpResponse<String> response = uploads.get(index).get(2, TimeUnit.MINUTES);
				assertThat(response.statusCode()).as(name).isEqualTo(422);
				Document page = Jsoup.parse(response.body());
				assertThat(page.title()).as(name).isEqualTo("画像をアップロード");
				assertThat(page.selectFirst("body.admin #admin-menu")).as(name).isNotNull();
				String expected = this.messages.getMessage(bombs.get(name).messageKey(), null, null,
						java.util.Locale.JAPANESE);
				Element error = page.getElementById("file-error");
				assertThat(error).as(name).isNotNull();
				assertThat(expected).as(name).isNotNull();
				assertThat(error.text()).as(name).startsWith(expected.substring(0, 12));
				assertThat(response.body()).as(name).doesNotContain("Exception", "at org.", "at java.");
			}
			for (Future<List<Integer>> read : reads) {
				assertThat(read.get(2, TimeUnit.MINUTES)).isNotEmpty().containsOnly(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.library.library(null, 0).getTotalElements()).as("rows").isEqualTo(rows);
		assertThat(fileCount()).as("files").isEqualTo(files);
		assertThat(fetch(this.reader, ARTICLE).statusCode()).isEqualTo(200);
		assertThat(upload(TestImages.png(900, 300), "after.png").statusCode()).isEqualTo(302);
	}

	@Test
	void whenEveryDecodeIsTakenAnUploadGets429WithRetryAfterAndReadersAreServed() throws Exception {
		long rows = this.library.library(null, 0).getTotalElements();
		CountDownLatch taken = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> holders = new ArrayList<>();
			for (int index = 0; index < 2; index++) {
				holders.add(threads.submit(() -> this.gate.decode(() -> {
					taken.countDown();
					try {
						release.await(1, TimeUnit.MINUTES);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return null;
				})));
			}
			assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();

			HttpResponse<String> busy = upload(TestImages.png(900, 300), "busy.png");
			assertThat(busy.statusCode()).isEqualTo(429);
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("30");
			Document form = Jsoup.parse(busy.body());
			assertThat(form.getElementById("file-error").text()).startsWith("ただいま画像の処理が混み合っているため");
			assertThat(form.getElementById("altText").val()).isEqualTo("説明");
			assertThat(this.library.library(null, 0).getTotalElements()).isEqualTo(rows);
			assertThat(fetch(this.reader, ARTICLE).statusCode()).isEqualTo(200);
			assertThat(fetch(this.reader, "/").statusCode()).isEqualTo(200);

			release.countDown();
			for (Future<Object> holder : holders) {
				holder.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		assertThat(upload(TestImages.png(900, 300), "free-again.png").statusCode()).isEqualTo(302);
	}

	/**
	 * The upload form, fetched once: the first request that makes the session's CSRF
	 * token must not run alongside others of the same session.
	 */
	private Element uploadForm() throws Exception {
		Document page = Jsoup.parse(fetch(this.http, "/admin/media/new").body(), uri("/").toString());
		return page.selectFirst("main form");
	}

	private HttpResponse<String> upload(byte[] content, String fileName) throws Exception {
		return upload(uploadForm(), content, fileName);
	}

	/** Posts the upload form as a browser does: to its action, with its hidden token. */
	private HttpResponse<String> upload(Element form, byte[] content, String fileName) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Element hidden : form.select("input[type=hidden]")) {
			field(body, hidden.attr("name"), hidden.val());
		}
		field(body, "altText", "説明");
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void field(ByteArrayOutputStream body, String name, String value) throws IOException {
		body.write(
				("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> fetch(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static long fileCount() throws IOException {
		try (Stream<Path> files = Files.walk(mediaDir)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

}
