package dev.shimbun.security;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bursts of sign-in tries at once, on real threads. The password checks of the tries that
 * get one are held at a gate until the rest of the burst has been answered, which is the
 * moment of the race: a try is counted before its password is checked, so at most 5 are
 * checked, and even the right password, sent while they are held, is refused. The gated
 * password encoder gives this class a context of its own.
 */
@SiteTest
@Import(SignInRaceTests.Gate.class)
class SignInRaceTests {

	private static final int BURST = 14;

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private GatedPasswordEncoder passwords;

	@Autowired
	private AuditService audit;

	@Autowired
	private SignInGuard guard;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void leaveEarlierFailuresBehind() throws Exception {
		this.clock.advance(Duration.ofHours(1));
		this.clock.set(this.clock.instant().truncatedTo(ChronoUnit.HOURS));
		// sets up the test CSRF token repository once, before any burst
		this.mvc.perform(get("/admin/login").with(csrf()));
	}

	@AfterEach
	void openTheGate() {
		this.passwords.open();
	}

	@Test
	void aBurstOfWrongPasswordsFromOneAddressGetsFiveChecksAndLocksEvenTheRightPassword() throws Exception {
		String address = "203.0.113.14";
		List<String> answers = burst((i) -> signIn("chief", "wrong-" + i).with(from(address)), () -> {
			String rightPassword = answer(signIn("chief", PASSWORD).with(from(address)));
			assertThat(rightPassword).as("the right password during the burst").isEqualTo("/admin/login?error");
		});
		assertThat(answers).hasSize(BURST).containsOnly("/admin/login?error");
		assertThat(this.passwords.checks()).isEqualTo(5);
		assertThat(entries(AuditAction.SIGN_IN_FAILED, address)).hasSize(5);
		assertThat(entries(AuditAction.SIGN_IN_LOCKED, address)).hasSize(BURST - 5 + 1);
		assertThat(entries(AuditAction.SIGN_IN, address)).isEmpty();
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(answer(signIn("chief", PASSWORD).with(from(address)))).isEqualTo("/admin");
	}

	@Test
	void aBurstAgainstOneAccountFromManyAddressesGetsFiveChecksAndLocksTheAccount() throws Exception {
		List<String> answers = burst((i) -> signIn("chief", "wrong-" + i).with(from("192.0.2." + (100 + i))), () -> {
			String rightPassword = answer(signIn("chief", PASSWORD).with(from("198.51.100.200")));
			assertThat(rightPassword).as("the right password during the burst").isEqualTo("/admin/login?error");
		});
		assertThat(answers).hasSize(BURST).containsOnly("/admin/login?error");
		assertThat(this.passwords.checks()).isEqualTo(5);
		assertThat(entries(AuditAction.SIGN_IN_LOCKED, "198.51.100.200")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(answer(signIn("chief", PASSWORD).with(from("198.51.100.200")))).isEqualTo("/admin");
	}

	@Test
	void aBurstOfWrongPasswordsByHttpBasicOnActuatorGetsFiveChecksAndLocksEvenTheRightPassword() throws Exception {
		String address = "203.0.113.41";
		List<String> answers = burst((i) -> prometheus("chief", "wrong-" + i).with(from(address)), () -> {
			String rightPassword = answer(prometheus("chief", PASSWORD).with(from(address)));
			assertThat(rightPassword).as("the right password during the burst").isEqualTo("401");
		});
		assertThat(answers).hasSize(BURST).containsOnly("401");
		assertThat(this.passwords.checks()).isEqualTo(5);
		assertThat(entries(AuditAction.SIGN_IN_FAILED, address)).hasSize(5);
		assertThat(entries(AuditAction.SIGN_IN_LOCKED, address)).hasSize(BURST - 5 + 1);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(answer(prometheus("chief", PASSWORD).with(from(address)))).isEqualTo("200");
	}

	@Test
	void aPasswordOver72BytesIsAnOrdinaryFailureAndIsNotChecked() throws Exception {
		String password = "ぱ".repeat(30);
		int checks = this.passwords.checks();
		assertThat(answer(signIn("chief", password).with(from("192.0.2.90")))).isEqualTo("/admin/login?error");
		assertThat(answer(signIn("nobody", password).with(from("192.0.2.91")))).isEqualTo("/admin/login?error");
		assertThat(answer(prometheus("chief", password).with(from("192.0.2.92")))).isEqualTo("401");
		// bcrypt would compare only its first 72 bytes
		assertThat(this.passwords.checks()).isEqualTo(checks);
		assertThat(entries(AuditAction.SIGN_IN_FAILED, "192.0.2.90")).hasSize(1);
		assertThat(entries(AuditAction.SIGN_IN_FAILED, "192.0.2.91")).hasSize(1);
		assertThat(entries(AuditAction.SIGN_IN_FAILED, "192.0.2.92")).hasSize(1);
	}

	@Test
	void triesAndLockRowsOlderThanADayAreRemoved() throws Exception {
		assertThat(answer(signIn("old-name", "wrong").with(from("203.0.113.77")))).isEqualTo("/admin/login?error");
		assertThat(count("sign_in_attempt where client = '203.0.113.77'")).isOne();
		assertThat(count("sign_in_lock where lock_key in ('client:203.0.113.77', 'account:old-name')")).isEqualTo(2);
		this.clock.advance(Duration.ofHours(23));
		this.guard.removeOlderThanADay();
		assertThat(count("sign_in_attempt where client = '203.0.113.77'")).isOne();
		this.clock.advance(Duration.ofHours(2));
		this.guard.removeOlderThanADay();
		assertThat(count("sign_in_attempt where client = '203.0.113.77'")).isZero();
		assertThat(count("sign_in_lock where lock_key in ('client:203.0.113.77', 'account:old-name')")).isZero();
		// and the next try makes them again
		assertThat(answer(signIn("old-name", "wrong").with(from("203.0.113.77")))).isEqualTo("/admin/login?error");
		assertThat(count("sign_in_lock where lock_key in ('client:203.0.113.77', 'account:old-name')")).isEqualTo(2);
	}

	private long count(String fromWhere) {
		return this.jdbc.queryForObject("select count(*) from " + fromWhere, Long.class);
	}

	/**
	 * Sends the burst from as many threads at once, holds the password checks until all
	 * the other tries are answered, runs {@code whileHeld}, then lets the checks go on.
	 * @return the answers of the burst
	 */
	private List<String> burst(IntFunction<MockHttpServletRequestBuilder> request, ThrowingRunnable whileHeld)
			throws Exception {
		this.passwords.close();
		CyclicBarrier start = new CyclicBarrier(BURST);
		Semaphore answered = new Semaphore(0);
		ExecutorService threads = Executors.newFixedThreadPool(BURST);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				MockHttpServletRequestBuilder one = request.apply(i);
				answers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					try {
						return answer(one);
					}
					finally {
						answered.release();
					}
				}));
			}
			assertThat(this.passwords.awaitHeld(5)).as("5 password checks held").isTrue();
			assertThat(answered.tryAcquire(BURST - 5, 60, TimeUnit.SECONDS)).as("all the other tries answered")
				.isTrue();
			assertThat(this.passwords.checks()).isEqualTo(5);
			whileHeld.run();
			assertThat(this.passwords.checks()).as("no check for the try during the burst").isEqualTo(5);
			this.passwords.open();
			List<String> results = new ArrayList<>();
			for (Future<String> answer : answers) {
				results.add(answer.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			this.passwords.open();
			threads.shutdownNow();
		}
	}

	/** Where a sign-in form sends the browser, or the status of an HTTP Basic request. */
	private String answer(MockHttpServletRequestBuilder request) throws Exception {
		var response = this.mvc.perform(request).andReturn().getResponse();
		return (response.getRedirectedUrl() != null) ? response.getRedirectedUrl()
				: String.valueOf(response.getStatus());
	}

	private List<AuditEntry> entries(AuditAction action, String address) {
		return this.audit.search(new AuditFilter(null, action, null, null, null), 0)
			.stream()
			.filter((entry) -> address.equals(entry.targetId()))
			.toList();
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/admin/login").param("username", username).param("password", password).with(csrf());
	}

	private static MockHttpServletRequestBuilder prometheus(String username, String password) {
		return get("/actuator/prometheus").with(httpBasic(username, password));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	interface ThrowingRunnable {

		void run() throws Exception;

	}

	/**
	 * The application's password encoder, counting the password checks and holding them
	 * while the gate is closed.
	 */
	static final class GatedPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		private final AtomicInteger checks = new AtomicInteger();

		private final Semaphore held = new Semaphore(0);

		private volatile CountDownLatch gate;

		void close() {
			this.checks.set(0);
			this.held.drainPermits();
			this.gate = new CountDownLatch(1);
		}

		boolean awaitHeld(int count) throws InterruptedException {
			return this.held.tryAcquire(count, 60, TimeUnit.SECONDS);
		}

		void open() {
			CountDownLatch closed = this.gate;
			if (closed != null) {
				closed.countDown();
			}
		}

		int checks() {
			return this.checks.get();
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			CountDownLatch closed = this.gate;
			if (closed != null) {
				this.held.release();
				try {
					closed.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return this.delegate.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Gate {

		@Bean
		@Primary
		GatedPasswordEncoder gatedPasswordEncoder() {
			return new GatedPasswordEncoder();
		}

	}

}
