package dev.shimbun.pagecache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page marked stale is served as it is to every request, the one that renders it again
 * included: that request's whole answer is sent before the rendering, which is timed
 * apart from it. Through a real Jetty, where an answer can arrive while the request that
 * sent it is still running.
 */
@ServerTest
@OwnContext
@DirtiesContext
@Import(HeldFrontPage.Config.class)
class StalePagesTests {

	private static final String YAWN = "/articles/why-we-yawn";

	@LocalServerPort
	private int port;

	@Autowired
	private PageCache cache;

	@Autowired
	private HeldFrontPage held;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Renderings renderings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final CountDownLatch staleRendered = new CountDownLatch(1);

	@BeforeEach
	void emptyCache() {
		this.cache.clear();
		this.renderings.onStaleRendered(this.staleRendered::countDown);
	}

	@AfterEach
	void release() {
		this.held.release();
		this.renderings.onStaleRendered(() -> {
		});
	}

	@Test
	void theRequestThatRendersAStalePageAgainIsAnsweredBeforeTheRendering() throws Exception {
		get("/");
		// served from memory, and timed before it is written: the answer before it, on
		// the same connection, is timed by now
		HttpResponse<String> kept = get("/");
		assertThat(kept.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).startsWith("public, max-age=10"));
		this.cache.dropPages();
		long answers = frontPageAnswers();
		long staleRenderings = staleRenderings();
		this.held.hold();
		CompletableFuture<HttpResponse<String>> first = this.http.sendAsync(request("/").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(this.held.awaitStarted()).as("the rendering started").isTrue();
		// timed as answered, before the rendering started
		assertThat(frontPageAnswers()).isEqualTo(answers + 1);
		// the rendering is held: the answer is whole all the same, the page as it was
		HttpResponse<String> answered = first.get(10, TimeUnit.SECONDS);
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).isEqualTo(kept.body());
		assertThat(answered.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=1");
		assertThat(answered.headers().firstValue("ETag")).isEqualTo(kept.headers().firstValue("ETag"));
		assertThat(staleRenderings()).isEqualTo(staleRenderings);
		// another reader meanwhile: the page as it was too, not a second rendering
		HttpResponse<String> meanwhile = get("/");
		assertThat(meanwhile.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=1");
		this.held.release();
		assertThat(this.held.awaitFinished()).as("the rendering ended").isTrue();
		assertThat(this.held.renderings()).as("one rendering").isEqualTo(1);
		awaitStaleRendering();
		assertThat(staleRenderings()).isEqualTo(staleRenderings + 1);
		HttpResponse<String> fresh = get("/");
		assertThat(fresh.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).startsWith("public, max-age=10"));
		assertThat(fresh.body()).isEqualTo(kept.body());
	}

	@Test
	void aStalePageWhoseRenderingIsNoLongerAPageIsForgotten() throws Exception {
		assertThat(get(YAWN).statusCode()).isEqualTo(200);
		this.jdbc.update("UPDATE article SET status = 'UNPUBLISHED' WHERE slug = 'why-we-yawn'");
		try {
			// a change not announced to this instance: the page gets stale with time, or
			// with any other change
			this.cache.dropPages();
			HttpResponse<String> stale = get(YAWN);
			assertThat(stale.statusCode()).isEqualTo(200);
			assertThat(stale.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=1");
			awaitStaleRendering();
			// rendered again, it is not found: not served as it was any more, nor kept
			// for an outage
			assertThat(this.cache.sizeWithStale()).isZero();
			assertThat(this.cache.lastKnown(new PageKey(YAWN, "why-we-yawn"))).isNull();
			assertThat(get(YAWN).statusCode()).isEqualTo(404);
		}
		finally {
			this.jdbc.update("UPDATE article SET status = 'PUBLISHED' WHERE slug = 'why-we-yawn'");
		}
	}

	private long frontPageAnswers() {
		Timer timer = this.meters.find(PageTimings.METRIC).tags("uri", "/", "status", "200").timer();
		return (timer != null) ? timer.count() : 0;
	}

	private long staleRenderings() {
		return this.meters.get("shimbun.pages.stale.renderings").timer().count();
	}

	/**
	 * Waits for a rendering after its answer to end: the answer arrives before, so a
	 * test's next request could otherwise come before that end.
	 */
	private void awaitStaleRendering() throws InterruptedException {
		assertThat(this.staleRendered.await(10, TimeUnit.SECONDS)).as("the stale page was rendered again").isTrue();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

}
