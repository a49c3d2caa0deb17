package dev.shimbun.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Whatever a sign-in try gives as its name, it gets the usual failed answer and a
 * SIGN_IN_FAILED line in the audit log, with the name made safe to store: control and
 * format characters and unpaired surrogates as U+FFFD, cut to 60 characters without
 * splitting a surrogate pair.
 */
@SiteTest
@ExtendWith(OutputCaptureExtension.class)
class SignInNameTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuditService audit;

	static Stream<Arguments> names() {
		return Stream.of(Arguments.of("x".repeat(61), "x".repeat(60)), Arguments.of("y".repeat(10_000), "y".repeat(60)),
				Arguments.of("", ""), Arguments.of("a\u0000b\u0007c\u007fd", "a\uFFFDb\uFFFDc\uFFFDd"),
				Arguments.of("a".repeat(59) + "😀z", "a".repeat(59)),
				Arguments.of("a".repeat(58) + "😀z", "a".repeat(58) + "😀"),
				Arguments.of("\uD800x\uDC00", "\uFFFDx\uFFFD"), Arguments.of("名前\u202Elive", "名前\uFFFDlive"),
				Arguments.of("\uFFFD\uFFFD", "\uFFFD\uFFFD"),
				Arguments.of("chief\r\nSIGN_IN chief", "chief\uFFFD\uFFFDSIGN_IN chief"));
	}

	/** As HTTP Basic sends them: in UTF-8, where an unpaired surrogate cannot be. */
	static Stream<Arguments> basicNames() {
		return Stream.concat(names().filter((names) -> !((String) names.get()[0]).contains("\uD800")),
				Stream.of(Arguments.of("\uD800x\uDC00", "?x?")));
	}

	@ParameterizedTest
	@MethodSource("names")
	void anyNameOnTheFormGetsTheFailedAnswerAndIsAudited(String name, String recorded, CapturedOutput output)
			throws Exception {
		String address = nextAddress();
		int logged = output.getAll().length();
		this.mvc
			.perform(post("/admin/login").param("username", name)
				.param("password", "wrong-password")
				.with(csrf())
				.with(from(address)))
			.andExpect(redirectedUrl("/admin/login?error"));
		assertThat(failures(address)).extracting(AuditEntry::actor).containsExactly(recorded);
		assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ", " WARN ", "\tat ");
	}

	@ParameterizedTest
	@MethodSource("basicNames")
	void anyNameByHttpBasicGets401AndIsAudited(String name, String recorded, CapturedOutput output) throws Exception {
		String address = nextAddress();
		int logged = output.getAll().length();
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(name, "wrong-password")).with(from(address)))
			.andExpect(status().isUnauthorized());
		assertThat(failures(address)).extracting(AuditEntry::actor).containsExactly(recorded);
		assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ", " WARN ", "\tat ");
	}

	@Test
	void invalidUtf8InALongNameOnTheFormIsReadAsReplacementCharacters() throws Exception {
		String address = nextAddress();
		byte[] body = ("username=%FF%FE" + "a".repeat(70) + "%C3&password=wrong-password")
			.getBytes(StandardCharsets.US_ASCII);
		this.mvc
			.perform(post("/admin/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content(body)
				.with(csrf())
				.with(from(address)))
			.andExpect(redirectedUrl("/admin/login?error"));
		assertThat(failures(address)).extracting(AuditEntry::actor).containsExactly("\uFFFD\uFFFD" + "a".repeat(58));
	}

	@Test
	void invalidUtf8InALongNameByHttpBasicIsReadAsReplacementCharacters() throws Exception {
		String address = nextAddress();
		ByteArrayOutputStream credentials = new ByteArrayOutputStream();
		credentials.write(new byte[] { (byte) 0xFF, (byte) 0xFE });
		credentials.write("a".repeat(70).getBytes(StandardCharsets.US_ASCII));
		credentials.write(new byte[] { (byte) 0xC3, ':', 'p', 'w' });
		this.mvc
			.perform(get("/actuator/prometheus")
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.toByteArray()))
				.with(from(address)))
			.andExpect(status().isUnauthorized());
		assertThat(failures(address)).extracting(AuditEntry::actor).containsExactly("\uFFFD\uFFFD" + "a".repeat(58));
	}

	@Test
	void aLongNameCountsTowardsTheLockOfItsFirstSixtyCharacters() throws Exception {
		String address = nextAddress();
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/admin/login").param("username", "z".repeat(60) + i)
					.param("password", "wrong")
					.with(csrf())
					.with(from(nextAddress())))
				.andExpect(redirectedUrl("/admin/login?error"));
		}
		this.mvc
			.perform(post("/admin/login").param("username", "z".repeat(70))
				.param("password", "wrong")
				.with(csrf())
				.with(from(address)))
			.andExpect(redirectedUrl("/admin/login?error"));
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.SIGN_IN_LOCKED, null, null, null), 0))
			.anySatisfy((entry) -> {
				assertThat(entry.targetId()).isEqualTo(address);
				assertThat(entry.actor()).isEqualTo("z".repeat(60));
			});
	}

	private List<AuditEntry> failures(String address) {
		return this.audit.search(new AuditFilter(null, AuditAction.SIGN_IN_FAILED, null, null, null), 0)
			.stream()
			.filter((entry) -> address.equals(entry.targetId()))
			.toList();
	}

	private static String nextAddress() {
		int n = addresses.incrementAndGet();
		return "10.1." + (n / 200) + "." + (n % 200);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
