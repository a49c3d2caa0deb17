package dev.shimbun.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.hardening.RawHttp.Response;
import dev.shimbun.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.shimbun.hardening.RefusalPages.assertJapanesePageWithSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that cannot be parsed or decoded, at every level they can fail (the server's
 * request line and headers, its URL decoding, Spring Security's firewall, the
 * parameters): a 4xx page in Japanese with the security headers, never the server's
 * English page, a 5xx or a stack trace; and in the log one WARN line at most, never an
 * ERROR or a stack trace.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTests {

	@LocalServerPort
	private int port;

	private RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	/** Paths that a server may refuse before the application sees them. */
	@Test
	void pathsTheContainerCannotDecode(CapturedOutput output) {
		for (String path : List.of("/%", "/%zz", "/%0", "/%00", "/a%00b", "/a%2F..", "/%c0%af", "/%C0%AF", "/%ff",
				"/articles/%E3%81", "/%2F..%2F..%2Fetc%2Fpasswd", "/..%2F", "/a/%2e%2e%2f%2e%2e%2fb")) {
			assertRefused(this.http.get(path), "GET " + path, output);
		}
	}

	/** Bytes that are not allowed in a request line or header at all. */
	@Test
	void requestLinesAndHeadersTheContainerCannotParse(CapturedOutput output) {
		List<String> requests = new ArrayList<>();
		requests.add("GET /a\u0001b HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET /a\u007Fb HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET /a\u00FFb HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET /a{b} HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET /search?q=a b HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: bad host!\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: [::1\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nX-Control: a\u0001b\r\n\r\n");
		requests.add("G(T / HTTP/1.1\r\nHost: localhost\r\n\r\n");
		requests.add("GET / HTTP/9.9\r\nHost: localhost\r\n\r\n");
		requests.add("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n");
		requests.add("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
		requests.add("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
		requests.add("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n");
		for (String request : requests) {
			Response response = this.http.send((request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
				.getBytes(StandardCharsets.ISO_8859_1));
			assertRefused(response, request.substring(0, Math.min(60, request.length())), output);
		}
	}

	/** Methods refused by the container or the firewall. */
	@Test
	void methodsThatAreNotAllowed(CapturedOutput output) {
		for (String method : List.of("TRACE", "CONNECT", "PROPFIND", "FOO", "get")) {
			for (String path : List.of("/", "/articles/why-we-yawn", "/admin/articles")) {
				assertRefused(this.http.request(method, path).send(), method + " " + path, output);
			}
		}
	}

	/** Paths Spring Security's firewall rejects: the 400 page in the site layout. */
	@Test
	void pathsTheFirewallRejects(CapturedOutput output) {
		for (String path : List.of("/a;b", "/articles/why-we-yawn;jsessionid=1", "//articles/why-we-yawn",
				"/articles//why-we-yawn", "/%2e/articles", "/articles/%2E%2E/admin", "/a%2fb", "/a%2Fb", "/a%5cb",
				"/a%25b", "/%2561dmin/articles", "/admin;x/articles", "//admin/articles", "/admin//articles",
				"/./admin/articles", "/admin/./articles", "/articles/../admin/articles", "/a%0ab", "/a%0db",
				"/%E2%80%A8")) {
			Response response = this.http.get(path);
			assertRefused(response, "GET " + path, output);
			assertThat(response.status()).as(path).isEqualTo(400);
		}
	}

	/**
	 * Parameters that cannot be decoded, in the query string or the body, on pages of
	 * every kind: 400, one WARN line (it was an ERROR with a stack trace).
	 */
	@Test
	void parametersThatCannotBeDecoded(CapturedOutput output) {
		for (String path : List.of("/", "/search", "/articles/why-we-yawn", "/categories/news", "/media/1", "/feed.rss",
				"/sitemap.xml", "/admin/login", "/admin/articles", "/actuator/health", "/no/such/page")) {
			for (String query : List.of("q=%FF", "q=%", "q=%E3%81", "q=%zz", "%FF=1", "q=%C0%80", "q=%ED%A0%80",
					"cpage=%F0%9F", "page=1&page=%fe")) {
				Response response = this.http.get(path + "?" + query);
				assertRefused(response, path + "?" + query, output);
				assertThat(response.status()).as(path + "?" + query).isEqualTo(400);
			}
		}
		assertRefused(this.http.get("/search?" + "a&".repeat(2000)), "too many parameters", output);
		for (String body : List.of("username=%FF&password=x", "username=%", "a=%E3%81")) {
			Response response = this.http.request("POST", "/admin/login").form(body).send();
			assertRefused(response, "POST /admin/login " + body, output);
		}
	}

	/**
	 * Multipart bodies that cannot be parsed, wherever they are first read (the admin
	 * chain's CSRF filter, the public guard, a page that reads no parameter at all): a
	 * 4xx page, never a 500 from the body being parsed again for the error page.
	 */
	@Test
	void multipartBodiesThatCannotBeParsed(CapturedOutput output) {
		List<String> contentTypes = List.of("multipart/form-data", "multipart/form-data; boundary=b",
				"multipart/mixed; boundary=\"", "multipart/form-data; boundary=" + "b".repeat(2000));
		List<String> bodies = List.of("", "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx", "garbage",
				"--b\r\n\r\n--b--\r\n", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--");
		for (String path : List.of("/admin/articles", "/admin/media", "/articles/why-we-yawn/comments", "/search",
				"/")) {
			for (String contentType : contentTypes) {
				for (String body : bodies) {
					String what = "POST " + path + " " + contentType.substring(0, Math.min(40, contentType.length()))
							+ " " + body.replace("\r\n", " ");
					Response response = this.http.request("POST", path)
						.sameSite()
						.header("Content-Type", contentType)
						.body(body.getBytes(StandardCharsets.ISO_8859_1))
						.send();
					assertRefused(response, what, output);
					Response crossSite = this.http.request("POST", path)
						.crossSite()
						.header("Content-Type", contentType)
						.body(body.getBytes(StandardCharsets.ISO_8859_1))
						.send();
					assertRefused(crossSite, "cross-site " + what, output);
				}
			}
		}
		Response page = this.http.request("GET", "/")
			.header("Content-Type", "multipart/form-data; boundary=b")
			.body("--b\r\ngarbage".getBytes(StandardCharsets.ISO_8859_1))
			.send();
		assertThat(page.status()).isIn(200, 400);
		assertNoErrorOrStackTrace(output, "GET / with a broken multipart body");
	}

	private void assertRefused(Response response, String what, CapturedOutput output) {
		assertThat(response.status()).as(what).isBetween(400, 499);
		assertJapanesePageWithSecurityHeaders(response, what);
		assertThat(response.body()).as(what).doesNotContain("Tomcat", "Jetty", "Bad Request", "Error report");
		String id = response.header("X-Request-Id");
		if (id != null) {
			assertThat(output.getOut().lines().filter((line) -> line.contains(id) && line.contains(" WARN ")))
				.as(what + ": WARN lines of the request")
				.hasSizeLessThanOrEqualTo(1);
		}
		assertNoErrorOrStackTrace(output, what);
	}

	static void assertNoErrorOrStackTrace(CapturedOutput output, String what) {
		assertThat(output.getAll().lines()).as(what + ": log lines")
			.noneMatch((line) -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Caused by:")
					|| line.matches("^[a-z]+(\\.[a-zA-Z0-9_$]+)+(Exception|Error)\\b.*"));
	}

}
