package dev.shimbun.hardening;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shimbun.hardening.RawHttp.Response;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import dev.shimbun.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests to every route the application maps (collected from the handler
 * mapping, so a new route is included without naming it), with odd path variables,
 * parameters, bodies, methods and headers, anonymous and signed in as an ADMIN with a
 * valid CSRF token: never a 5xx, never a stack trace in a response, never an ERROR or a
 * stack trace in the log. Fixed seeds and a bounded number of requests.
 */
@ServerTest
@OwnContext
@ExtendWith(OutputCaptureExtension.class)
class RequestFuzzTests {

	private static final int ANONYMOUS_REQUESTS = 100;

	private static final int ADMIN_REQUESTS = 80;

	/** Values for path variables and parameters: edges of numbers, encodings, sizes. */
	private static final List<String> VALUES = List.of("1", "2", "0", "-1", "2147483647", "2147483648", "-2147483649",
			"9223372036854775807", "99999999999999999999999", "1e309", "NaN", "0x10", "1.5", "abc", "", "why-we-yawn",
			"news", "fun", "BOGUS", "SPAM", "true", "null", "notadate", "2025-02-30", "9999-12-31", "%00", "a%00b",
			"%FF", "%C3%28", "%E3%81", "%ED%A0%80", "%F4%90%80%80", "%25", "%2e%2e", "..", "%E3%81%82%E3%81%84",
			"%C2%A0news", "%E2%80%AFx", "%C2%A8", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%27%20OR%201%3D1--", "%22",
			"%5C", "%0D%0AX-Injected:%201", "+", "a+b", "%2B", "%26%3D", "shimbun-2025-01-01.zip", "x".repeat(300),
			"%E6%97%A5".repeat(700), "9".repeat(40), "-0", "00001", " 1", "%F0%9F%98%80", "NEWEST", "OLDEST", "EDITOR",
			"ADMIN", "MODERATOR", "VISIBLE", "HIDDEN");

	/**
	 * Each parameter a handler declares is also sent once with each of these, on its own:
	 * the edges that most often break a handler.
	 */
	private static final List<String> EDGES = List.of("2147483647", "-1", "notadate", "BOGUS",
			"%C2%A0%E3%81%82%E3%81%8F%E3%81%B3", "u".repeat(61), "%E3%81%82".repeat(30));

	/**
	 * Parameter names the application reads somewhere, besides those found on the
	 * handlers.
	 */
	private static final List<String> COMMON_PARAMETERS = List.of("page", "cpage", "corder", "q", "action", "from",
			"to", "status", "sort", "comment", "reported", "error", "signedOut", "id", "reason", "body", "nickname",
			"website", "kind", "category", "variant", "_method", "blocks[0].text", "blocks[99999].text",
			"blocks[-1].kind", "entries[300].articleId", "blocks[0]", "class.module", "a.b.c");

	private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE",
			"PATCH", "OPTIONS");

	private static final List<String> ACCEPTS = List.of("text/html", "text/html", "*/*", "application/json",
			"application/xml", "image/webp", "text/html;q=x", "a/b/c", "", "application/rss+xml");

	private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
			"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=Shift_JIS",
			"application/x-www-form-urlencoded; charset=nonsense", "multipart/form-data; boundary=fuzz",
			"multipart/form-data", "application/json", "text/plain", "application/octet-stream", "x", "");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void generatedRequestsNeverGetA5xxOrAStackTrace(CapturedOutput output) {
		List<Route> routes = routes();
		assertThat(routes).extracting(Route::pattern)
			.contains("/articles/{slug}/comments", "/admin/articles/{id}", "/search");
		StaffSession admin = StaffSession.signIn(this.port, "chief", "correct-horse-battery");
		String adminCookie = admin.cookieHeader();
		long adminId = this.jdbc.queryForObject("select id from staff_user where username = 'chief'", Long.class);

		List<String> failures = new ArrayList<>();
		RawHttp http = new RawHttp(this.port);
		sendEdges(http, routes, null, null, adminId, failures);
		sendEdges(http, routes, admin, adminCookie, adminId, failures);
		send(http, routes, new Random(20261202L), ANONYMOUS_REQUESTS, null, null, adminId, failures);
		send(http, routes, new Random(12L), ADMIN_REQUESTS, admin, adminCookie, adminId, failures);
		assertThat(admin.get("/admin").statusCode()).as("the admin is still signed in").isEqualTo(200);

		assertThat(failures).as("requests that got a 5xx or showed a stack trace").isEmpty();
		assertThat(output.getAll().lines()).as("log lines")
			.noneMatch((line) -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Caused by:"));
	}

	/**
	 * Every parameter of every route (anonymous: the public ones; signed in: the admin
	 * ones, and the sign-in form) with each edge value, by the route's own method.
	 */
	private void sendEdges(RawHttp http, List<Route> routes, StaffSession admin, String cookie, long adminId,
			List<String> failures) {
		List<Route> targets = new ArrayList<>(routes);
		targets.add(new Route("/admin/login", Set.of("POST"), List.of("username", "password"), List.of()));
		// whole forms, for the edges that only matter once the rest is valid
		List<String> forms = (admin != null)
				? List.of("/admin/users username=fuzzer&displayName=x&role=EDITOR&password=" + "%E3%81%82".repeat(30))
				: List.of("/admin/login username=" + "u".repeat(61) + "&password=x",
						"/admin/login username=chief&password=" + "%E3%81%82".repeat(30));
		for (String form : forms) {
			String[] parts = form.split(" ");
			String body = parts[1] + ((admin != null) ? "&_csrf=" + StaffSession.encode(admin.csrf()) : "");
			StaffSession browser = (admin != null) ? admin : StaffSession.visit(this.port, "/admin/login");
			if (admin == null) {
				body += "&_csrf=" + StaffSession.encode(browser.csrf());
			}
			RawHttp.Request request = http.request("POST", parts[0])
				.sameSite()
				.header("Cookie", browser.cookieHeader())
				.form(body);
			check(request, "POST " + parts[0] + " " + parts[1], admin, failures);
		}
		if (admin == null) {
			// HTTP Basic on the management endpoints
			for (String credentials : List.of("u".repeat(61) + ":x", "chief:" + "\u3042".repeat(30), "nocolon", "")) {
				RawHttp.Request request = http.request("GET", "/actuator/prometheus")
					.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
				check(request, "GET /actuator/prometheus as " + credentials, null, failures);
			}
		}
		for (Route route : targets) {
			boolean adminRoute = route.pattern().startsWith("/admin");
			if ((admin != null) != adminRoute || route.pattern().startsWith("/admin/backups")) {
				continue;
			}
			String method = route.methods().contains("GET") || route.methods().isEmpty() ? "GET" : "POST";
			String slug = route.pattern().startsWith("/categories/") ? "news" : "why-we-yawn";
			String path = path(route.pattern().replace("{slug}", slug), "1");
			if (admin != null && method.equals("POST") && path.startsWith("/admin/users/" + adminId)) {
				continue;
			}
			for (String name : route.queryParameters()) {
				for (String value : EDGES) {
					Map<String, String> parameters = new LinkedHashMap<>();
					parameters.put(name, value);
					if (admin != null) {
						parameters.put("_csrf", StaffSession.encode(admin.csrf()));
					}
					RawHttp.Request request;
					if (method.equals("GET")) {
						request = http.request(method, path + "?" + join(parameters));
					}
					else {
						request = http.request(method, path).sameSite().form(join(parameters));
					}
					if (cookie != null && !route.pattern().equals("/admin/login")) {
						request.header("Cookie", cookie);
					}
					check(request, method + " " + path + " " + join(parameters), admin, failures);
				}
			}
		}
	}

	private static void check(RawHttp.Request request, String what, StaffSession admin, List<String> failures) {
		Response response;
		try {
			response = request.send();
		}
		catch (RuntimeException ex) {
			failures.add(what + " -> no response: " + ex);
			return;
		}
		String body = response.body();
		if (response.status() >= 500 || body.contains("\tat ") || body.contains("at dev.shimbun.")
				|| body.contains("at org.springframework.") || body.contains("Exception:")
				|| body.contains("Whitelabel Error Page") || body.contains("Apache Tomcat") || body.contains("Jetty")) {
			failures.add(
					(admin != null ? "[admin] " : "[anonymous] ") + abbreviate(what, 400) + " -> " + response.status());
		}
	}

	private void send(RawHttp http, List<Route> routes, Random random, int count, StaffSession admin, String cookie,
			long adminId, List<String> failures) {
		for (int i = 0; i < count; i++) {
			Route route = routes.get(random.nextInt(routes.size()));
			String method = route.methods().isEmpty() || random.nextInt(5) == 0 ? pick(random, METHODS)
					: pick(random, List.copyOf(route.methods()));
			String path = oddly(path(route.pattern(), pick(random, VALUES)), random);
			if (admin != null && !"GET".equals(method) && !"HEAD".equals(method)
					&& (path.startsWith("/admin/backups") || path.startsWith("/admin/users/" + adminId))) {
				// the signed-in admin does not restore backups or lock itself out
				continue;
			}
			Map<String, String> parameters = parameters(route, random);
			if (admin != null) {
				parameters.put("_csrf", StaffSession.encode(admin.csrf()));
			}
			boolean inBody = !"GET".equals(method) && !"HEAD".equals(method) && random.nextInt(4) != 0;
			String query = inBody ? (admin != null ? "_csrf=" + StaffSession.encode(admin.csrf()) : "")
					: join(parameters);
			String target = path + (query.isEmpty() ? "" : "?" + query);
			RawHttp.Request request = http.request(method, target);
			String accept = pick(random, ACCEPTS);
			request.header("Accept", accept.isEmpty() ? null : accept);
			if (random.nextInt(6) != 0) {
				request.sameSite();
			}
			else if (random.nextBoolean()) {
				request.crossSite();
			}
			if (cookie != null) {
				request.header("Cookie", cookie);
			}
			else if (random.nextInt(10) == 0) {
				request.header("Cookie", "JSESSIONID=" + "A".repeat(random.nextInt(200)) + "; SESSION=%FF");
			}
			addOddHeaders(request, random);
			if (inBody) {
				String contentType = pick(random, CONTENT_TYPES);
				request.header("Content-Type", contentType.isEmpty() ? null : contentType);
				byte[] body = contentType.startsWith("multipart/") ? multipart(parameters, random)
						: join(parameters).getBytes(StandardCharsets.ISO_8859_1);
				request.body(body);
				if (random.nextInt(4) == 0) {
					request.chunked();
				}
			}
			check(request, method + " " + target + (inBody ? " body " + join(parameters) : ""), admin, failures);
		}
	}

	private static void addOddHeaders(RawHttp.Request request, Random random) {
		switch (random.nextInt(12)) {
			case 0 -> request.header("If-None-Match", pick(random, List.of("*", "\"x\"", "W/\"", "garbage")));
			case 1 -> request.header("If-Modified-Since",
					pick(random, List.of("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT", "")));
			case 2 ->
				request.header("Range", pick(random, List.of("bytes=0-0", "bytes=-1", "bytes=99999999999-", "x")));
			case 3 -> request.header("Accept-Encoding", pick(random, List.of("gzip", "br;q=x", "identity;q=0, *;q=0")));
			case 4 -> request.header("Accept-Language", pick(random, List.of("xx-YY", "*", "ja;q=x", "en-US,en")));
			case 5 -> request.header("X-Request-Id", pick(random, List.of("x".repeat(500), "%0d%0a", "'\"<>")));
			case 6 -> request.header("User-Agent", "Googlebot/2.1 " + "z".repeat(random.nextInt(2000)));
			case 7 ->
				request.header("Referer", pick(random, List.of("http://[::1", "not a url", "https://evil.example/")));
			case 8 -> request.header("X-Forwarded-For", pick(random, List.of("1.2.3.4", "garbage", "::1, 999.1.1.1")));
			case 9 -> request.header("Sec-Purpose", "prefetch");
			default -> {
			}
		}
	}

	private static byte[] multipart(Map<String, String> parameters, Random random) {
		StringBuilder body = new StringBuilder();
		parameters.forEach((name, value) -> body.append("--fuzz\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		if (random.nextBoolean()) {
			body.append("--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n\u0089PNG\r\n\u001a\nnot really\r\n");
		}
		if (random.nextInt(3) != 0) {
			body.append("--fuzz--\r\n");
		}
		return body.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The pattern with each variable replaced by the value. */
	private static String path(String pattern, String value) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		String result = path.toString().replace("/**", "/site.css").replace("*", "favicon");
		return result.isEmpty() ? "/" : result;
	}

	/** Now and then a path written as an attacker would. */
	private static String oddly(String path, Random random) {
		return switch (random.nextInt(14)) {
			case 0 -> encodeFirstLetter(path);
			case 1 -> path + "/";
			case 2 -> path + ";jsessionid=1";
			case 3 -> "/" + path;
			case 4 -> path.toUpperCase();
			case 5 -> path + "%00";
			case 6 -> path.replace("/site.css", "/%2e%2e/x").replace("favicon", "%FF");
			default -> path;
		};
	}

	/** {@code /articles/x} as {@code /%61rticles/x}. */
	private static String encodeFirstLetter(String path) {
		if (path.length() < 2 || !Character.isLetter(path.charAt(1))) {
			return path;
		}
		return "/%" + Integer.toHexString(path.charAt(1)).toUpperCase() + path.substring(2);
	}

	private static Map<String, String> parameters(Route route, Random random) {
		Map<String, String> parameters = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(route.parameters());
		names.addAll(COMMON_PARAMETERS);
		int count = random.nextInt(Math.min(6, names.size()) + 1);
		for (int i = 0; i < count; i++) {
			String name = (i < route.parameters().size() && random.nextBoolean()) ? route.parameters().get(i)
					: pick(random, names);
			parameters.put(name, pick(random, VALUES));
		}
		return parameters;
	}

	private static String join(Map<String, String> parameters) {
		StringBuilder joined = new StringBuilder();
		parameters.forEach((name, value) -> {
			if (!joined.isEmpty()) {
				joined.append('&');
			}
			joined.append(name.replace("[", "%5B").replace("]", "%5D")).append('=').append(value);
		});
		return joined.toString();
	}

	/**
	 * Every mapped route: its pattern, methods and the parameter names its handler reads.
	 */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			List<String> queryParameters = parameterNames(entry.getValue(), false);
			List<String> parameters = new ArrayList<>(queryParameters);
			parameters.addAll(parameterNames(entry.getValue(), true));
			Set<String> methods = new LinkedHashSet<>();
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				methods.add(method.name());
			}
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				routes.add(new Route(pattern.getPatternString(), methods, queryParameters, parameters));
			}
		}
		// the handler methods come in no particular order: sorted, each seed sends the
		// same requests in every run
		routes.sort(Comparator.comparing(Route::pattern).thenComparing((route) -> route.methods().toString()));
		return routes;
	}

	/**
	 * The names of the request parameters a handler declares (and of the records it
	 * binds), or of the properties of the forms it binds.
	 */
	private static List<String> parameterNames(HandlerMethod handler, boolean formProperties) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (requestParam != null && !formProperties) {
				String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
				if (name != null) {
					names.add(name);
				}
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| (!BeanUtils.isSimpleProperty(parameter.getParameterType())
							&& parameter.getParameterType().getName().startsWith("dev.shimbun"))) {
				Class<?> type = parameter.getParameterType();
				if (type.isRecord() && !formProperties) {
					for (RecordComponent component : type.getRecordComponents()) {
						names.add(component.getName());
					}
				}
				for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
					if (formProperties && property.getWriteMethod() != null) {
						names.add(property.getName());
					}
				}
			}
		}
		return names;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String abbreviate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) + "…" : text;
	}

	/**
	 * A mapped route.
	 *
	 * @param queryParameters the request parameters its handler declares, each also sent
	 * alone with each edge value
	 * @param parameters those and the properties of the forms it binds
	 */
	record Route(String pattern, Set<String> methods, List<String> queryParameters, List<String> parameters) {
	}

}
