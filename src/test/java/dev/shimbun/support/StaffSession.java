package dev.shimbun.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser of a signed-in staff member over real HTTP: its session cookie and its CSRF
 * token.
 */
public final class StaffSession {

	private final int port;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private String csrf;

	private StaffSession(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	public static StaffSession signIn(int port, String username, String password) {
		StaffSession session = new StaffSession(port);
		String token = session.token("/admin/login");
		HttpResponse<String> response = session.post("/admin/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token));
		assertThat(response.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/admin");
		session.csrf = session.token("/admin");
		return session;
	}

	/** A browser that has opened a page (and got a session and a CSRF token there). */
	public static StaffSession visit(int port, String path) {
		StaffSession session = new StaffSession(port);
		session.csrf = session.token(path);
		return session;
	}

	/** The CSRF token of the session, as its forms carry it. */
	public String csrf() {
		return this.csrf;
	}

	/** The session's cookies, as a {@code Cookie} header. */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.get(uri("/admin"))
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
	}

	private String token(String path) {
		return Jsoup.parse(get(path).body()).selectFirst("input[name=_csrf], meta[name=_csrf]").attr("value");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> post(String path, String form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
