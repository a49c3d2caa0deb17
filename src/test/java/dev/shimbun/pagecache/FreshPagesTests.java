package dev.shimbun.pagecache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's page kept fresh in memory is answered by the web server itself, ahead of the
 * servlet container ({@link FreshPages}), with what the container would have answered:
 * the same headers and body, the same conditional answers, the read counted and the
 * request timed the same way. Everything else still goes through the container. Through a
 * real Jetty: MockMvc has no web server in front.
 */
@ServerTest
@OwnContext
@DirtiesContext
@Import(FreshPagesTests.Config.class)
class FreshPagesTests {

	private static final String YAWN = "/articles/why-we-yawn";

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

	/** The caching headers of a page served stale. */
	private static final String STALE = "public, max-age=0, s-maxage=1";

	/** A session cookie of no session: the request goes through the container. */
	private static final String NO_SUCH_SESSION = "SESSION=bm8tc3VjaC1zZXNzaW9u";

	@LocalServerPort
	private int port;

	@Autowired
	private PageCache cache;

	@Autowired
	private ReachedTheContainer container;

	@Autowired
	private Renderings renderings;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void emptyCache() {
		this.cache.clear();
	}

	@Test
	void aKeptPageIsAnsweredAheadOfTheContainerWithWhatTheContainerAnswers() throws Exception {
		HttpResponse<byte[]> rendered = get(YAWN);
		int reached = this.container.count();
		HttpResponse<byte[]> served = get(YAWN);
		assertThat(this.container.count()).isEqualTo(reached);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(rendered.body());
		// held as text while rendered, encoded once as the page's charset
		assertThat(rendered.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).isEqualToIgnoringCase("text/html;charset=utf-8"));
		assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("「なぜ人はあくびをするのか?」");
		assertThat(served.headers().firstValue("X-Request-Id")).hasValueSatisfying((id) -> assertThat(id).hasSize(36));
		HttpResponse<byte[]> behind = get(YAWN, "Cookie", NO_SUCH_SESSION);
		assertThat(this.container.count()).isEqualTo(reached + 1);
		assertThat(behind.body()).isEqualTo(served.body());
		assertThat(comparable(served)).isEqualTo(comparable(behind))
			.containsKeys("cache-control", "content-security-policy", "etag", "last-modified", "vary",
					"x-content-type-options", "content-language", "content-type");
	}

	@Test
	void onlyARequestThatCanBeNobodysButAReadersIsAnsweredAhead() throws Exception {
		get(YAWN);
		get("/");
		int reached = this.container.count();
		get(YAWN, "Cookie", "theme=dark; consent=yes");
		get("/", "X-Request-Id", "edge-1");
		assertThat(this.container.count()).as("other cookies, the front page").isEqualTo(reached);
		assertThat(get(YAWN, "Cookie", "theme=dark; " + NO_SUCH_SESSION).statusCode()).isEqualTo(200);
		assertThat(get(YAWN + "?cpage=1").statusCode()).isEqualTo(200);
		send(HttpRequest.newBuilder(uri(YAWN)).POST(HttpRequest.BodyPublishers.noBody()));
		// answered behind, where Spring leaves If-Match alone for a GET
		assertThat(get(YAWN, "If-Match", "\"other\"").statusCode()).isEqualTo(200);
		assertThat(get(YAWN + ";jsessionid=1").statusCode()).isEqualTo(400);
		assertThat(this.container.count()).isEqualTo(reached + 5);
	}

	@Test
	void conditionalRequestsGetTheAnswersTheContainerGives() throws Exception {
		HttpResponse<byte[]> page = get(YAWN);
		String etag = page.headers().firstValue("ETag").orElseThrow();
		String lastModified = page.headers().firstValue("Last-Modified").orElseThrow();
		String[][] cases = { { "If-None-Match", etag }, { "If-None-Match", "W/" + etag },
				{ "If-None-Match", "\"other\", " + etag }, { "If-None-Match", "*" }, { "If-None-Match", "\"other\"" },
				{ "If-Modified-Since", lastModified }, { "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT" },
				{ "If-Modified-Since", "not a date" } };
		int reached = this.container.count();
		for (String[] header : cases) {
			HttpResponse<byte[]> ahead = get(YAWN, header[0], header[1]);
			HttpResponse<byte[]> behind = get(YAWN, header[0], header[1], "Cookie", NO_SUCH_SESSION);
			assertThat(ahead.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(behind.statusCode());
			assertThat(ahead.body()).as(header[0] + ": " + header[1]).isEqualTo(behind.body());
			if (ahead.statusCode() == 304) {
				assertThat(ahead.headers().firstValue("ETag")).hasValue(etag);
			}
		}
		assertThat(this.container.count()).isEqualTo(reached + cases.length);
		assertThat(get(YAWN, "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get(YAWN, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
	}

	@Test
	void aStalePageIsAnsweredAheadWhenARequestBehindWouldServeItAsItIs() throws Exception {
		get(YAWN);
		// served from memory after the rendering's request ended on this connection: the
		// rendering is over
		HttpResponse<byte[]> kept = get(YAWN);
		String etag = kept.headers().firstValue("ETag").orElseThrow();
		this.cache.dropPages();
		PageKey key = new PageKey(YAWN, "why-we-yawn");
		CompletableFuture<CachedPage> other = new CompletableFuture<>();
		assertThat(this.renderings.claim(key, other)).as("another request renders it").isNull();
		int reached = this.container.count();
		try {
			HttpResponse<byte[]> ahead = get(YAWN);
			assertThat(this.container.count()).isEqualTo(reached);
			assertThat(ahead.body()).isEqualTo(kept.body());
			assertThat(ahead.headers().firstValue("Cache-Control")).hasValue(STALE);
			HttpResponse<byte[]> notModified = get(YAWN, "If-None-Match", etag);
			assertThat(notModified.statusCode()).isEqualTo(304);
			assertThat(notModified.headers().firstValue("Cache-Control")).hasValue(STALE);
			assertThat(this.container.count()).isEqualTo(reached);
			// what the container answers, which serves it as it is too meanwhile
			HttpResponse<byte[]> behind = get(YAWN, "Cookie", NO_SUCH_SESSION);
			assertThat(this.container.count()).isEqualTo(reached + 1);
			assertThat(behind.body()).isEqualTo(ahead.body());
			assertThat(comparable(ahead)).isEqualTo(comparable(behind));
			// a HEAD of a stale page is rendered behind, as before
			send(HttpRequest.newBuilder(uri(YAWN)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
			assertThat(this.container.count()).isEqualTo(reached + 2);
		}
		finally {
			this.renderings.rendered(key, other, null);
		}
		// nobody renders it: the request goes behind, to be answered with it and then
		// render it again
		HttpResponse<byte[]> claimed = get(YAWN);
		assertThat(this.container.count()).isEqualTo(reached + 3);
		assertThat(claimed.headers().firstValue("Cache-Control")).hasValue(STALE);
	}

	@Test
	void aStalePageIsAnsweredAheadWhileAsManyStalePagesAsAllowedAreRendered() throws Exception {
		get("/");
		this.cache.dropPages();
		List<PageKey> busy = new ArrayList<>();
		List<CompletableFuture<CachedPage>> renderings = new ArrayList<>();
		try {
			// every stale rendering allowed is taken by other pages
			for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++) {
				PageKey other = new PageKey("/categories/busy-" + i, null);
				CompletableFuture<CachedPage> rendering = new CompletableFuture<>();
				if (!this.renderings.claimStale(other, rendering)) {
					break;
				}
				busy.add(other);
				renderings.add(rendering);
			}
			int reached = this.container.count();
			HttpResponse<byte[]> ahead = get("/");
			assertThat(this.container.count()).isEqualTo(reached);
			assertThat(ahead.headers().firstValue("Cache-Control")).hasValue(STALE);
		}
		finally {
			for (int i = 0; i < busy.size(); i++) {
				this.renderings.rendered(busy.get(i), renderings.get(i), null);
				this.renderings.staleRendered(0);
			}
		}
	}

	@Test
	void gzippedForClientsThatAcceptItAndHeadersAloneForAHead() throws Exception {
		byte[] plain = get(YAWN).body();
		int reached = this.container.count();
		HttpResponse<byte[]> gzipped = get(YAWN, "Accept-Encoding", "br, gzip");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		assertThat(get(YAWN, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
		HttpResponse<byte[]> head = send(
				HttpRequest.newBuilder(uri(YAWN)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(plain.length));
		assertThat(this.container.count()).isEqualTo(reached);
	}

	@Test
	void readsAnsweredAheadAreCountedAsBehind() throws Exception {
		String pig = "/articles/pig-kidney-transplant-ucla";
		get(pig, "User-Agent", "curl/8");
		flushViews();
		long before = views("pig-kidney-transplant-ucla");
		int reached = this.container.count();
		// three readers (one address, three browsers), a robot, a prefetch, one reader
		// again
		get(pig);
		get(pig, "User-Agent", BROWSER + " Edg/131");
		get(pig, "User-Agent", BROWSER + " OPR/115");
		get(pig, "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
		get(pig, "User-Agent", BROWSER + " Vivaldi/7", "Sec-Purpose", "prefetch");
		get(pig);
		assertThat(this.container.count()).isEqualTo(reached);
		flushViews();
		assertThat(views("pig-kidney-transplant-ucla") - before).isEqualTo(3);
	}

	@Test
	void requestsAnsweredAheadAreTimedAsSpringTimesTheOthers() throws Exception {
		get(YAWN);
		get(YAWN);
		Timer timer = this.meters.find(PageTimings.METRIC)
			.tags("uri", "/articles/{slug}", "status", "200", "method", "GET", "outcome", "SUCCESS", "exception",
					"none", "error", "none")
			.timer();
		long before = (timer != null) ? timer.count() : 0;
		get(YAWN);
		get(YAWN);
		assertThat(this.meters.get(PageTimings.METRIC)
			.tags("uri", "/articles/{slug}", "status", "200", "method", "GET", "outcome", "SUCCESS", "exception",
					"none", "error", "none")
			.timer()
			.count()).isEqualTo(before + 2);
		for (int status : new int[] { 200, 304, 404, 500 }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			response.setStatus(status);
			ServerRequestObservationContext observed = new ServerRequestObservationContext(
					new MockHttpServletRequest("HEAD", "/"), response);
			observed.setPathPattern("/categories/{slug}");
			List<Tag> spring = new ArrayList<>(List.of(Tag.of("error", "none")));
			for (KeyValue keyValue : new DefaultServerRequestObservationConvention()
				.getLowCardinalityKeyValues(observed)) {
				spring.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
			assertThat(PageTimings.tags("HEAD", "/categories/{slug}", status))
				.containsExactlyInAnyOrderElementsOf(spring);
		}
	}

	@Test
	void aPageNotKeptIsLookedUpOnceOnItsWayThroughTheContainer() throws Exception {
		double misses = misses();
		get(YAWN);
		assertThat(misses()).isEqualTo(misses + 1);
	}

	private double misses() {
		return this.meters.get("cache.gets")
			.tags("cache", "pages", "result", "miss")
			.meter()
			.measure()
			.iterator()
			.next()
			.getValue();
	}

	private void flushViews() {
		ReflectionTestUtils.invokeMethod(this.context.getBean("viewCounter"), "flush");
	}

	private long views(String slug) {
		return this.jdbc.queryForObject("SELECT view_count FROM article WHERE slug = ?", Long.class, slug);
	}

	/** The response headers but those that differ per response, by lower-case name. */
	private static Map<String, List<String>> comparable(HttpResponse<?> response) {
		Map<String, List<String>> headers = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.equals("date") && !lower.equals("x-request-id")) {
				headers.put(lower, values);
			}
		});
		return headers;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A GET with a browser's User-Agent, unless one is given, and these headers. */
	private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
		boolean agent = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			agent |= headers[i].equals("User-Agent");
		}
		if (!agent) {
			request.header("User-Agent", BROWSER);
		}
		return send(request);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Counts the requests for public pages that reach the servlet container. */
	static final class ReachedTheContainer extends OncePerRequestFilter {

		private final AtomicInteger requests = new AtomicInteger();

		int count() {
			return this.requests.get();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			this.requests.incrementAndGet();
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return request.getRequestURI().startsWith("/actuator");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		ReachedTheContainer reachedTheContainer() {
			return new ReachedTheContainer();
		}

		@Bean
		FilterRegistrationBean<ReachedTheContainer> reachedTheContainerRegistration(ReachedTheContainer filter) {
			FilterRegistrationBean<ReachedTheContainer> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
