package dev.shimbun.hardening;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.hardening.RawHttp.Response;
import dev.shimbun.support.ServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.shimbun.hardening.RefusalPages.assertJapanesePageWithSecurityHeaders;
import static dev.shimbun.hardening.RefusalPages.assertRefusedPage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request that can change something outside /admin and /actuator passes the one
 * guard of the public filter chain, however its path is written: from another site it is
 * refused with the 403 page and nothing is stored; too large (whatever the framing) or
 * not decodable, it is refused too. Through a real server, with the bytes as written.
 */
@ServerTest
@Import(PublicRequestGuardTests.NewRoute.class)
class PublicRequestGuardTests {

	static final String SLUG = "why-we-yawn";

	/** The comment URL written every way that reaches the same handler. */
	static final List<String> COMMENT_PATHS = List.of("/articles/" + SLUG + "/comments",
			"/%61rticles/" + SLUG + "/comments", "/articles/" + SLUG + "/%63omments",
			"/%61%72%74%69%63%6C%65%73/" + SLUG + "/comments",
			"/%61%72%74%69%63%6c%65%73/" + SLUG + "/%63%6F%6d%6D%65%6e%74%73", "/articles/%77hy-we-yawn/comments");

	/**
	 * Paths that must not be stored however they are sent: refused by the firewall (path
	 * parameters such as {@code ;jsessionid=}, double encoding, dot segments, double
	 * slashes, encoded slashes) or not found.
	 */
	static final List<String> ODD_COMMENT_PATHS = List.of("/articles/" + SLUG + "/comments;jsessionid=0123456789AB",
			"/articles;x=1/" + SLUG + "/comments", "/articles/" + SLUG + ";v=2/comments",
			"/articles/" + SLUG + "/comments%3Bjsessionid=1", "/%2561rticles/" + SLUG + "/comments",
			"/articles/" + SLUG + "/%2563omments", "/./articles/" + SLUG + "/comments",
			"/articles/../articles/" + SLUG + "/comments", "/articles/" + SLUG + "/./comments",
			"/articles/" + SLUG + "/%2E/comments", "/articles/x/%2e%2e/" + SLUG + "/comments",
			"//articles/" + SLUG + "/comments", "/articles//" + SLUG + "/comments", "/articles/" + SLUG + "/comments/",
			"/articles%2F" + SLUG + "/comments", "/articles/" + SLUG + "%2fcomments", "/ARTICLES/" + SLUG + "/comments",
			"/articles/" + SLUG + "/Comments", "/articles/" + SLUG + "/comments%00",
			"/articles/" + SLUG + "/comments\\", "/articles/" + SLUG + "/comments%5C");

	private static final AtomicInteger texts = new AtomicInteger();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	private RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	private static String text() {
		return "本文" + texts.incrementAndGet();
	}

	private int comments() {
		return this.jdbc.queryForObject("select count(*) from article_comment", Integer.class);
	}

	private int reports() {
		return this.jdbc.queryForObject("select count(*) from comment_report", Integer.class);
	}

	@Test
	void crossSiteCommentsAreRefusedHoweverThePathIsWritten() {
		for (String path : COMMENT_PATHS) {
			int before = comments();
			Response response = this.http.request("POST", path).crossSite().form("body=" + text()).send();
			assertRefusedPage(response, 403, path);
			assertThat(comments()).as(path).isEqualTo(before);
		}
	}

	@Test
	void theSamePathsFromThisSiteReachTheCommentHandler() {
		// so the refusals above are about the paths that reach it
		for (String path : COMMENT_PATHS) {
			int before = comments();
			Response response = this.http.request("POST", path).sameSite().form("body=" + text()).send();
			assertThat(response.status()).as(path).isEqualTo(302);
			assertThat(comments()).as(path).isEqualTo(before + 1);
		}
	}

	@Test
	void oddlyWrittenCommentPathsStoreNothing() {
		for (String path : ODD_COMMENT_PATHS) {
			int before = comments();
			for (boolean crossSite : new boolean[] { true, false }) {
				RawHttp.Request request = this.http.request("POST", path).form("body=" + text());
				Response response = (crossSite ? request.crossSite() : request.sameSite()).send();
				assertThat(response.status()).as(path).isBetween(400, 499);
				assertJapanesePageWithSecurityHeaders(response, path);
			}
			assertThat(comments()).as(path).isEqualTo(before);
		}
	}

	@Test
	void crossSiteReportsAreRefusedHoweverThePathIsWritten() {
		long id = postComment();
		String comment = "/articles/" + SLUG + "/comments/" + id;
		List<String> paths = List.of(comment + "/report", "/%61rticles/" + SLUG + "/comments/" + id + "/report",
				"/articles/" + SLUG + "/%63omments/" + id + "/report", comment + "/%72%65%70%6F%72%74",
				comment + "/%72eport", "/articles/%77hy-we-yawn/comments/" + id + "/report");
		for (String path : paths) {
			for (int reader = 0; reader < 3; reader++) {
				assertRefusedPage(this.http.request("POST", path).crossSite().form("reason=SPAM").send(), 403, path);
			}
		}
		List<String> oddPaths = List.of(comment + "/report;jsessionid=ABC",
				"/articles/" + SLUG + ";x/comments/" + id + "/report", comment + "/report/", comment + "/./report",
				"/articles/" + SLUG + "//comments/" + id + "/report", comment + "/%2572eport", comment + "%2Freport");
		for (String path : oddPaths) {
			for (int reader = 0; reader < 3; reader++) {
				Response response = this.http.request("POST", path).crossSite().form("reason=SPAM").send();
				assertThat(response.status()).as(path).isBetween(400, 499);
				assertJapanesePageWithSecurityHeaders(response, path);
			}
		}
		assertThat(reports()).isZero();
		assertThat(this.jdbc.queryForObject("select status from article_comment where id = ?", String.class, id))
			.isEqualTo("VISIBLE");
	}

	@Test
	void everyMethodThatCanChangeSomethingIsChecked() {
		int before = comments();
		List<String> paths = List.of("/articles/" + SLUG + "/comments", "/%61rticles/" + SLUG, "/", "/search",
				"/no/such/page", "/test/new-route", "/media/1");
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
			for (String path : paths) {
				Response response = this.http.request(method, path).crossSite().form("body=x").send();
				assertRefusedPage(response, 403, method + " " + path);
			}
		}
		// methods the firewall does not know are refused before any chain
		for (String method : List.of("PROPFIND", "MKCOL", "CONNECT", "FOO")) {
			for (String path : paths) {
				Response response = this.http.request(method, path).crossSite().form("body=x").send();
				assertThat(response.status()).as(method + " " + path).isBetween(400, 499);
				assertJapanesePageWithSecurityHeaders(response, method + " " + path);
			}
		}
		assertThat(comments()).isEqualTo(before);
	}

	@Test
	void aRouteAddedLaterIsCoveredWithoutNamingIt() {
		int before = NewRoute.calls.get();
		for (String path : List.of("/test/new-route", "/%74est/new-route", "/test/new-%72oute")) {
			assertRefusedPage(this.http.request("POST", path).crossSite().form("value=1").send(), 403, path);
			assertRefusedPage(this.http.request("POST", path).form("value=1").send(), 403, path + " without origin");
			assertRefusedPage(this.http.request("POST", path)
				.header("Referer", "https://evil.example/page")
				.form("value=1")
				.send(), 403, path + " with another site's referer");
		}
		assertThat(NewRoute.calls.get()).isEqualTo(before);
		Response accepted = this.http.request("POST", "/test/new-route")
			.header("Sec-Fetch-Site", "same-origin")
			.form("value=%E6%97%A5")
			.send();
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("got 日");
		assertThat(NewRoute.calls.get()).isEqualTo(before + 1);
	}

	@Test
	void tooLargeBodiesAreRefusedWhateverTheFraming() {
		String big = "body=" + "a".repeat(70_000);
		int before = comments();
		double tooLarge = refused("too_large");
		String path = "/articles/" + SLUG + "/comments";
		assertRefusedPage(this.http.request("POST", path).sameSite().form(big).send(), 413, "with its length");
		assertRefusedPage(this.http.request("POST", path).sameSite().form(big).chunked().send(), 413, "chunked");
		assertRefusedPage(
				this.http.request("POST", "/%61rticles/" + SLUG + "/%63omments").sameSite().form(big).chunked().send(),
				413, "chunked, encoded path");
		assertRefusedPage(
				this.http.request("POST", path).sameSite().form("body=short").contentLength(10_000_000).send(), 413,
				"a length larger than the body");
		assertRefusedPage(this.http.request("POST", path)
			.sameSite()
			.header("Content-Type", "text/plain")
			.body(big.getBytes(StandardCharsets.US_ASCII))
			.chunked()
			.send(), 413, "chunked text");
		String boundary = "----boundary";
		byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n"
				+ "a".repeat(70_000) + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		assertRefusedPage(this.http.request("POST", path)
			.sameSite()
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.body(multipart)
			.send(), 413, "multipart");
		assertThat(this.http.request("POST", path)
			.sameSite()
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.body(multipart)
			.chunked()
			.send()
			.status()).as("chunked multipart").isBetween(411, 413);
		assertThat(comments()).isEqualTo(before);
		assertThat(refused("too_large")).isEqualTo(tooLarge + 7);
	}

	@Test
	void aChunkedCommentWithinTheLimitIsStoredAsSent() {
		int before = comments();
		String text = "チャンク" + text();
		Response response = this.http.request("POST", "/articles/" + SLUG + "/comments")
			.sameSite()
			.form("nickname=%E8%AA%AD%E8%80%85&body=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))
			.chunked()
			.send();
		assertThat(response.status()).isEqualTo(302);
		assertThat(comments()).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject("select body from article_comment order by id desc limit 1", String.class))
			.isEqualTo(text);
	}

	@Test
	void undecodableParametersAreRefusedWhateverTheFraming() {
		int before = comments();
		double malformed = refused("malformed");
		String path = "/%61rticles/" + SLUG + "/comments";
		for (String body : List.of("body=%FF%FE", "body=%E6%97", "body=%", "body=%zz", "b%FFdy=x", "body=%C0%AF")) {
			assertRefusedPage(this.http.request("POST", path).sameSite().form(body).send(), 400, body);
			assertRefusedPage(this.http.request("POST", path).sameSite().form(body).chunked().send(), 400,
					body + " chunked");
		}
		assertThat(comments()).isEqualTo(before);
		assertThat(refused("malformed")).isEqualTo(malformed + 12);
	}

	@Test
	void refusedCommentsAreCountedOnTheirNormalisedPathAndReportsAreNot() {
		double crossSite = refused("cross_site");
		this.http.request("POST", "/%61rticles/" + SLUG + "/%63omments").crossSite().form("body=x").send();
		this.http.request("POST", "/articles/%77hy-we-yawn/comments").crossSite().form("body=x").send();
		assertThat(refused("cross_site")).isEqualTo(crossSite + 2);
		this.http.request("POST", "/articles/" + SLUG + "/comments/1/report").crossSite().form("reason=SPAM").send();
		this.http.request("POST", "/test/new-route").crossSite().form("value=1").send();
		assertThat(refused("cross_site")).isEqualTo(crossSite + 2);
	}

	private double refused(String reason) {
		return this.meters.get("shimbun.comments.refused").tag("reason", reason).counter().count();
	}

	private long postComment() {
		Response response = this.http.request("POST", "/articles/" + SLUG + "/comments")
			.sameSite()
			.form("body=" + text())
			.send();
		assertThat(response.status()).isEqualTo(302);
		return this.jdbc.queryForObject("select max(id) from article_comment", Long.class);
	}

	/** A public POST route that no guard names: it is covered all the same. */
	@TestConfiguration
	@RestController
	static class NewRoute {

		static final AtomicInteger calls = new AtomicInteger();

		@PostMapping("/test/new-route")
		String post(@RequestParam String value) {
			calls.incrementAndGet();
			return "got " + value;
		}

	}

}
