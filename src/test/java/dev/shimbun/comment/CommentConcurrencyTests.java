package dev.shimbun.comment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shimbun.support.ServerTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost: 500 comments posted by 20 threads at once are all stored and counted.
 * Twenty posters share the pool's ten connections; on a loaded machine a wait for one can
 * pass the production limit of a second (a 503 the reader may retry), so the wait is
 * longer here: this is about no acknowledged comment going missing, not about the wait.
 */
@ServerTest
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=30000")
class CommentConcurrencyTests {

	static final String ARTICLE = "/articles/gut-bacteria-anxiety-ucla";

	@LocalServerPort
	private int port;

	@Autowired
	private CommentRepository comments;

	@Test
	void fiveHundredCommentsFromTwentyThreadsAreAllStoredAndCounted() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		ExecutorService threads = Executors.newFixedThreadPool(20);
		List<Future<Integer>> acknowledged = new ArrayList<>();
		Queue<String> refused = new ConcurrentLinkedQueue<>();
		for (int thread = 0; thread < 20; thread++) {
			int t = thread;
			acknowledged.add(threads.submit(() -> {
				int ok = 0;
				for (int i = 0; i < 25; i++) {
					String form = "nickname=" + URLEncoder.encode("スレッド" + t, StandardCharsets.UTF_8) + "&body="
							+ URLEncoder.encode("同時投稿 " + t + "-" + i, StandardCharsets.UTF_8);
					HttpRequest request = HttpRequest.newBuilder(URI.create(url(ARTICLE + "/comments")))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Origin", "http://localhost:" + this.port)
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 302
							&& response.headers().firstValue("Location").orElse("").contains("comment=posted")) {
						ok++;
					}
					else {
						refused.add(response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
					}
				}
				return ok;
			}));
		}
		int total = 0;
		for (Future<Integer> result : acknowledged) {
			total += result.get();
		}
		threads.shutdown();
		assertThat(refused).as("posts not acknowledged").isEmpty();
		assertThat(total).isEqualTo(500);
		long stored = this.comments.findAll()
			.stream()
			.filter((comment) -> comment.getBody().startsWith("同時投稿 "))
			.count();
		assertThat(stored).isEqualTo(500);
		String page = http
			.send(HttpRequest.newBuilder(URI.create(url(ARTICLE))).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(Jsoup.parse(page).selectFirst("#comments-heading").text()).isEqualTo("コメント500");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
