package dev.shimbun.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.shimbun.support.ServerTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One staff session, many requests at once: right after signing in, an editor's browser
 * opens forms in several tabs together. Each request adds the same new session attributes
 * (the CSRF token) to the session in the database; every one of them is answered
 * normally, none with a 500.
 */
@ServerTest
class ConcurrentSessionRequestsTests {

	private static final int REQUESTS = 16;

	@LocalServerPort
	private int port;

	@Test
	void firstRequestsOfAFreshSessionAtOnceAreAllAnswered() throws Exception {
		for (int round = 0; round < 3; round++) {
			HttpClient http = signedIn();
			CyclicBarrier start = new CyclicBarrier(REQUESTS);
			ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
			try {
				List<Future<Integer>> answers = new ArrayList<>();
				for (int index = 0; index < REQUESTS; index++) {
					String path = (index % 2 == 0) ? "/admin/media/new" : "/admin/articles/new";
					answers.add(threads.submit(() -> {
						start.await(30, TimeUnit.SECONDS);
						return http
							.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
							.statusCode();
					}));
				}
				for (Future<Integer> answer : answers) {
					assertThat(answer.get(1, TimeUnit.MINUTES)).isEqualTo(200);
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	private HttpClient signedIn() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = http
			.send(HttpRequest.newBuilder(uri("/admin/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String token = Jsoup.parse(login).selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + ServerTest.ADMIN + "&password="
					+ ServerTest.ADMIN_PASSWORD + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin"));
		return http;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
