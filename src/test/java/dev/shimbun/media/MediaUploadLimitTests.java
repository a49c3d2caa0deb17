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
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through a real Jetty, signed in as a real account: an upload over the multipart
 * limit is refused before any controller runs, and still ends on the upload form with a
 * clear message (413), never a 500, a CSRF refusal or a reset connection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.admin.username=chief", "shimbun.admin.password=a-long-enough-secret",
				"shimbun.media.max-upload-size=100KB", "spring.servlet.multipart.max-file-size=200KB",
				"spring.servlet.multipart.max-request-size=250KB" })
class MediaUploadLimitTests {

	private static final String BOUNDARY = "----shimbun-test-boundary";

	@TempDir
	static Path mediaDir;

	@DynamicPropertySource
	static void mediaDirectory(DynamicPropertyRegistry registry) {
		registry.add("shimbun.media.dir", () -> mediaDir.toString());
	}

	@LocalServerPort
	private int port;

	private HttpClient http;

	@BeforeEach
	void signIn() throws Exception {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Document login = Jsoup.parse(fetch("/admin/login").body());
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
	void uploadWithinTheLimitsIsStored() throws Exception {
		HttpResponse<String> response = upload(TestImages.png(900, 300), "small.png");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin/media"));
	}

	@Test
	void uploadOverTheMultipartLimitGetsTheFormWithTheMessage() throws Exception {
		long files = fileCount();
		HttpResponse<String> response = upload(padded(300 * 1024), "huge.jpg");
		assertThat(response.statusCode()).isEqualTo(413);
		Document form = Jsoup.parse(response.body());
		assertThat(form.title()).isEqualTo("画像をアップロード");
		assertThat(form.getElementById("file-error").text()).isEqualTo("ファイルが大きすぎます。100KB 以下の画像を選んでください。");
		assertThat(form.getElementById("file").attr("aria-describedby")).contains("file-error");
		assertThat(response.body()).doesNotContain("Exception", "at org.");
		assertThat(fileCount()).isEqualTo(files);
	}

	@Test
	void uploadFarOverTheLimitStillGetsTheMessageNotAResetConnection() throws Exception {
		HttpResponse<String> response = upload(padded(30 * 1024 * 1024), "very-huge.jpg");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(response.body()).getElementById("file-error").text()).startsWith("ファイルが大きすぎます。");
	}

	@Test
	void uploadBetweenTheMediaAndTheMultipartLimitKeepsTheTypedFields() throws Exception {
		HttpResponse<String> response = upload(padded(150 * 1024), "big.jpg");
		assertThat(response.statusCode()).isEqualTo(413);
		Document form = Jsoup.parse(response.body());
		assertThat(form.getElementById("file-error").text()).isEqualTo("ファイルが大きすぎます。100KB 以下の画像を選んでください。");
		assertThat(form.getElementById("altText").val()).isEqualTo("大きすぎる写真");
	}

	/** Posts the upload form as a browser does: to its action, with its hidden token. */
	private HttpResponse<String> upload(byte[] content, String fileName) throws Exception {
		Document page = Jsoup.parse(fetch("/admin/media/new").body(), uri("/").toString());
		Element form = page.selectFirst("main form");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Element hidden : form.select("input[type=hidden]")) {
			field(body, hidden.attr("name"), hidden.val());
		}
		field(body, "altText", "大きすぎる写真");
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n")
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

	/** A JPEG padded with zeros to the size. */
	private static byte[] padded(int size) {
		byte[] content = new byte[size];
		byte[] jpeg = TestImages.jpeg(100, 100);
		System.arraycopy(jpeg, 0, content, 0, jpeg.length);
		return content;
	}

	private HttpResponse<String> fetch(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(),
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
