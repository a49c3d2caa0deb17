package dev.shimbun.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.shimbun.support.ServerTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has an id: in the response header, in its log lines (plain or JSON), and
 * on the error page for the reader to quote. Through a real servlet container, whose own
 * log line of a failure must carry the id too.
 */
@ServerTest
@Import(RequestIdTests.LoggingController.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableEnvironment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRequestWithoutAnIdGetsANewOne() throws Exception {
		HttpResponse<String> first = fetch("/", null);
		HttpResponse<String> second = fetch("/", null);
		assertThat(idOf(first)).matches(UUID);
		assertThat(idOf(second)).matches(UUID).isNotEqualTo(idOf(first));
	}

	@Test
	void aPlainIncomingIdIsKept() throws Exception {
		assertThat(idOf(fetch("/", "proxy-7f3a.b_9"))).isEqualTo("proxy-7f3a.b_9");
	}

	@Test
	void anUnsafeOrTooLongIncomingIdIsReplaced() throws Exception {
		for (String unsafe : new String[] { "two words", "<script>", "a\"b", "a/b", "x".repeat(65) }) {
			assertThat(idOf(fetch("/", unsafe))).as(unsafe).matches(UUID);
		}
	}

	@Test
	void onlyShortPlainIdsAreSafe() {
		assertThat(RequestId.isSafe("Abc-0.9_z")).isTrue();
		assertThat(RequestId.isSafe("x".repeat(64))).isTrue();
		for (String unsafe : new String[] { null, "", "a\nb", "a\rb", "a\tb", "ｉｄ", "%0a", "x".repeat(65) }) {
			assertThat(RequestId.isSafe(unsafe)).as(String.valueOf(unsafe)).isFalse();
		}
	}

	@Test
	void logLinesOfARequestCarryItsId(CapturedOutput output) throws Exception {
		fetch("/test/logged", "plain-log-check");
		assertThat(output.getOut().lines().filter((line) -> line.contains("logged inside the request")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(" [plain-log-check] ");
		assertThat(MDC.get(RequestId.MDC_KEY)).isNull();
	}

	@Test
	void theErrorPageAndTheContainersLogOfTheFailureShowTheId(CapturedOutput output) throws Exception {
		HttpResponse<String> response = fetch("/test/failure", "failure-check-1");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(idOf(response)).isEqualTo("failure-check-1");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst(".request-id").text()).isEqualTo("お問い合わせの際は、次の番号をお知らせください: failure-check-1");
		assertThat(page.selectFirst(".request-id code").text()).isEqualTo("failure-check-1");
		assertThat(output.getAll().lines().filter((line) -> line.contains("[failure-check-1]")))
			.anySatisfy((line) -> assertThat(line).contains("ERROR").contains("secret detail"));
	}

	@Test
	void theNotFoundPageShowsTheGeneratedId() throws Exception {
		HttpResponse<String> response = fetch("/articles/no-such-article", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).selectFirst(".request-id code").text()).isEqualTo(idOf(response))
			.matches(UUID);
	}

	@Test
	void jsonLogLinesCarryTheIdAsRequestId(CapturedOutput output) throws Exception {
		StandardEnvironment json = new StandardEnvironment();
		json.getPropertySources()
			.addFirst(new MapPropertySource("json-logs", Map.of("logging.structured.format.console", "ecs")));
		json.merge(this.environment);
		reinitializeLogging(json);
		try {
			fetch("/test/logged", "json-log-check");
		}
		finally {
			reinitializeLogging(this.environment);
		}
		String line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.startsWith("{") && candidate.contains("logged inside the request"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON log line in:\n" + output.getOut()));
		JsonNode entry = JsonMapper.builder().build().readTree(line);
		assertThat(entry.get("requestId").asString()).isEqualTo("json-log-check");
		assertThat(entry.get("message").asString()).isEqualTo("logged inside the request");
	}

	/**
	 * Logging is set up once per JVM while test contexts are cached; this sets it up
	 * again from the given environment, as the application does at start.
	 */
	private static void reinitializeLogging(ConfigurableEnvironment environment) {
		LoggingSystem logging = LoggingSystem.get(RequestIdTests.class.getClassLoader());
		logging.cleanUp();
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.orElse(Map.of())
			.forEach((name, level) -> logging.setLogLevel("root".equalsIgnoreCase(name) ? null : name, level));
	}

	private HttpResponse<String> fetch(String path, String requestId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		if (requestId != null) {
			request.header(RequestId.HEADER, requestId);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String idOf(HttpResponse<String> response) {
		return response.headers().firstValue(RequestId.HEADER).orElseThrow();
	}

	@TestConfiguration
	@RestController
	static class LoggingController {

		private static final Logger logger = LoggerFactory.getLogger(LoggingController.class);

		@GetMapping("/test/logged")
		String logged() {
			logger.info("logged inside the request");
			return "ok";
		}

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("secret detail");
		}

	}

}
