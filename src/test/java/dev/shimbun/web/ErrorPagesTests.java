package dev.shimbun.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.shimbun.support.ServerTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages through a real servlet container (MockMvc does not forward to /error): in
 * the site layout, in Japanese, never the Whitelabel page or a stack trace, with the
 * request id to quote.
 */
@ServerTest
@Import(ErrorPagesTests.FailingController.class)
class ErrorPagesTests {

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void unknownArticleGetsTheNotFoundPageInTheLayout() throws Exception {
		HttpResponse<String> response = fetch("/articles/no-such-article");
		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("ページが見つかりません");
		assertThat(page.title()).isEqualTo("ページが見つかりません | Shimbun");
		assertLayout(page);
		assertRequestId(response, page);
	}

	@Test
	void unknownPathGetsTheNotFoundPage() throws Exception {
		HttpResponse<String> response = fetch("/no/such/page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("ページが見つかりません");
	}

	@Test
	void badParameterGetsTheClientErrorPage() throws Exception {
		HttpResponse<String> response = fetch("/categories/news?page=abc");
		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("リクエストを処理できませんでした");
		assertThat(page.text()).contains("エラー 400");
		assertLayout(page);
		assertRequestId(response, page);
	}

	@Test
	void serverErrorGetsTheServerErrorPageWithoutATrace() throws Exception {
		HttpResponse<String> response = fetch("/test/failure");
		assertThat(response.statusCode()).isEqualTo(500);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("サーバーでエラーが発生しました");
		assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "at dev.shimbun");
		assertLayout(page);
		assertRequestId(response, page);
	}

	/** The id to quote when asking for help, as in the response header and the logs. */
	private void assertRequestId(HttpResponse<String> response, Document page) {
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(page.selectFirst(".request-id").text()).startsWith("お問い合わせの際は");
		assertThat(page.selectFirst(".request-id code").text()).isEqualTo(id);
	}

	private void assertLayout(Document page) {
		assertThat(page.body().text()).doesNotContain("Whitelabel", "??");
		assertThat(page.select(".skip-links a")).hasSize(3);
		assertThat(page.select("#main-menu-top a").eachText()).contains("ホーム", "ニュース", "自動車");
		assertThat(page.select("aside h2").eachText()).contains("[ニュース] ランキング");
		assertThat(page.getElementById("main-content")).isNotNull();
		assertThat(page.getElementById("main-menu-bottom")).isNotNull();
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
	}

	private HttpResponse<String> fetch(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration
	@RestController
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("secret detail");
		}

	}

}
