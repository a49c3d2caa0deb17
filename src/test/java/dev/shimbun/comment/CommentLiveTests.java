package dev.shimbun.comment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates of an article's comments over Server-Sent Events, on a real server: a
 * reader with the article open is told when a comment or reply is posted or hidden and
 * when someone reacts, without content in the event; the comments section alone is served
 * for the page's script; an instance holds at most the configured number of streams and
 * refuses more with 503.
 */
@ServerTest
@OwnContext
@DirtiesContext
@TestPropertySource(properties = "shimbun.comments.live-streams=3")
class CommentLiveTests {

	static final String ARTICLE = "/articles/why-we-yawn";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<CompletableFuture<HttpResponse<Stream<String>>>> opened = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CommentModerationService moderation;

	@Autowired
	private CommentStreams streams;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void closeStreams() {
		this.opened.forEach((response) -> response.thenAccept((open) -> open.body().close()));
		this.opened.forEach((response) -> response.cancel(true));
	}

	@Test
	void aReaderWithTheArticleOpenIsToldOfNewCommentsReactionsAndHiddenOnes() throws Exception {
		BlockingQueue<String> events = open(ARTICLE);
		BlockingQueue<String> elsewhere = open("/articles/dog-reunion-hospital");

		long comment = post("ライブで届くコメント", null);
		assertThat(nextEvent(events)).isEqualTo("comments");
		assertThat(elsewhere.poll(1, TimeUnit.SECONDS)).isNull();

		post("ライブで届く返信", String.valueOf(comment));
		assertThat(nextEvent(events)).isEqualTo("comments");

		react(comment);
		assertThat(nextEvent(events)).isEqualTo("reactions");

		this.moderation.moderate(comment, ModerationAction.HIDE, null);
		assertThat(nextEvent(events)).isEqualTo("comments");
	}

	@Test
	void theCommentsSectionAloneIsServedAsThePageShowsIt() throws Exception {
		long comment = post("部分だけ取り出されるコメント", null);
		HttpResponse<String> section = this.http.send(
				HttpRequest.newBuilder(uri(ARTICLE + "/comments/section?thread=" + comment)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(section.statusCode()).isEqualTo(200);
		Document fragment = Jsoup.parse(section.body());
		assertThat(fragment.select("section#comments")).hasSize(1);
		assertThat(fragment.select("header, footer, nav.site-nav, .article-body")).isEmpty();
		assertThat(fragment.selectFirst("#comment-" + comment + " .comment-body").text()).isEqualTo("部分だけ取り出されるコメント");
		assertThat(fragment.selectFirst("#reply-form input[name=replyTo]").val()).isEqualTo(String.valueOf(comment));
		assertThat(section.headers().firstValue("ETag")).isPresent();

		HttpResponse<String> unknown = this.http.send(
				HttpRequest.newBuilder(uri("/articles/no-such-article/comments/section")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void anInstanceHoldsAtMostItsShareOfStreams() throws Exception {
		int before = this.streams.openStreams();
		List<BlockingQueue<String>> held = new ArrayList<>();
		for (int i = before; i < 3; i++) {
			held.add(open(ARTICLE));
		}
		assertThat(this.streams.openStreams()).isEqualTo(3);
		assertThat(this.meters.get("shimbun.comments.live.streams").gauge().value()).isEqualTo(3);
		// open streams are not active requests: each page served would walk past them
		assertThat(this.meters.find("http.server.requests.active")
			.longTaskTimers()
			.stream()
			.mapToInt(LongTaskTimer::activeTasks)
			.sum()).isZero();
		HttpResponse<String> refused = this.http.send(
				HttpRequest.newBuilder(uri(ARTICLE + "/comments/stream")).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).contains("60");
		assertThat(held).hasSize(3 - before);

		HttpResponse<String> unknown = this.http.send(
				HttpRequest.newBuilder(uri("/articles/no-such-article/comments/stream")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	/**
	 * Opens a stream and reads its event names into a queue, from a thread of the HTTP
	 * client; returns once the server sent its first line (the stream is registered).
	 */
	private BlockingQueue<String> open(String article) throws Exception {
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = this.http.sendAsync(
				HttpRequest.newBuilder(uri(article + "/comments/stream")).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofLines());
		this.opened.add(response);
		HttpResponse<Stream<String>> open = response.get(10, TimeUnit.SECONDS);
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		CompletableFuture.runAsync(() -> open.body().forEach((line) -> {
			lines.add(line);
			if (line.startsWith("event:")) {
				events.add(line.substring("event:".length()).strip());
			}
		}));
		assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the first line of the stream").isNotNull();
		return events;
	}

	private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
		String event = events.poll(10, TimeUnit.SECONDS);
		assertThat(event).as("an event within 10 seconds").isNotNull();
		return event;
	}

	private long post(String body, String replyTo) throws Exception {
		String form = "body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)
				+ ((replyTo != null) ? "&replyTo=" + replyTo : "");
		HttpResponse<String> posted = this.http.send(HttpRequest.newBuilder(uri(ARTICLE + "/comments"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "http://localhost:" + this.port)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(302);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM article_comment WHERE body = ?", Long.class, body);
	}

	private void react(long comment) throws Exception {
		HttpResponse<String> pressed = this.http
			.send(HttpRequest.newBuilder(uri(ARTICLE + "/comments/" + comment + "/reactions"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", "http://localhost:" + this.port)
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("reaction=EMPATHY"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(pressed.statusCode()).isEqualTo(200);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
