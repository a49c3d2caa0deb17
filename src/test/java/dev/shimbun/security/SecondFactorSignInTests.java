package dev.shimbun.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.MockBrowser;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.support.Staff;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The one-time code (TOTP) as a second factor, with the site's clock under the test's
 * control: enrolment by the secret, sign-in with a code, a code refused the second time
 * and two steps off, recovery codes once and not twice, wrong codes locking like
 * passwords, the ADMIN's requirement and reset, and every change ending the account's
 * other sessions.
 */
@SiteTest
@OwnContext
class SecondFactorSignInTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AuditService audit;

	@Autowired
	private SecondFactorService factors;

	@Autowired
	private ApplicationContext context;

	private String editor;

	/** The recovery codes of the last enrolment. */
	private List<String> recoveryCodes;

	@BeforeEach
	void anEditorAndTheClockPastEarlierFailures() {
		this.clock.advance(Duration.ofHours(1));
		// the middle of a 30-second step, so that a test's own steps are clear
		this.clock.set(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(15));
		this.editor = "totp-editor" + names.incrementAndGet();
		Staff.editor(this.editor).save(this.context);
		this.factors.changeRequirement(SecondFactorRequirement.NONE);
	}

	@Test
	void aCodeSignsInOnceWithinOneStepAndNeverTwiceNorTwoStepsOff() throws Exception {
		MockBrowser first = signedIn(this.editor);
		String secret = enrolTotp(first);

		// the enrolment's own code cannot sign in
		MockBrowser browser = passwordOnly(this.editor);
		assertThat(browser.send(post("/admin/login/code").param("code", code(secret, 0))).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(browser.page()).contains("この確認コードはすでに使われています");

		// a partial sign-in reaches nothing but its step
		assertThat(browser.send(get("/admin/articles")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/login/code");

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(browser.send(post("/admin/login/code").param("code", code(secret, 2))).getResponse().getStatus())
			.as("two steps ahead")
			.isEqualTo(422);
		assertThat(browser.page()).contains("確認コードが正しくありません");
		assertThat(browser.send(post("/admin/login/code").param("code", code(secret, -2))).getResponse().getStatus())
			.as("two steps behind")
			.isEqualTo(422);
		MvcResult signedIn = browser.send(post("/admin/login/code").param("code", fullWidth(code(secret, 1))));
		assertThat(signedIn.getResponse().getRedirectedUrl()).as("one step ahead, typed in full-width digits")
			.isEqualTo("/admin");
		assertThat(browser.send(get("/admin/articles")).getResponse().getStatus()).isEqualTo(200);

		// the same code at another sign-in, still within its window
		MockBrowser again = passwordOnly(this.editor);
		assertThat(again.send(post("/admin/login/code").param("code", code(secret, 1))).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(again.page()).contains("この確認コードはすでに使われています");

		assertThat(actions(AuditAction.SECOND_FACTOR_REUSED)).hasSize(2);
		assertThat(actions(AuditAction.SECOND_FACTOR_FAILED)).hasSize(2);
		assertThat(actions(AuditAction.SIGN_IN)).extracting(AuditEntry::detail).contains("code");
	}

	@Test
	void aRecoveryCodeSignsInOnceAndIsGone() throws Exception {
		MockBrowser first = signedIn(this.editor);
		enrolTotp(first);
		List<String> codes = this.recoveryCodes;
		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch((c) -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));

		MockBrowser browser = passwordOnly(this.editor);
		MvcResult result = browser.send(post("/admin/login/code").param("code", codes.get(3).toUpperCase()));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin");
		assertThat(this.factors.factorsOf(this.editor).recoveryCodesLeft()).isEqualTo(9);

		MockBrowser again = passwordOnly(this.editor);
		assertThat(again.send(post("/admin/login/code").param("code", codes.get(3))).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(actions(AuditAction.RECOVERY_CODE_USED)).extracting(AuditEntry::detail).containsExactly("残り9個");
		assertThat(actions(AuditAction.SECOND_FACTOR_FAILED)).extracting(AuditEntry::detail)
			.containsExactly("recovery");
	}

	@Test
	void wrongCodesLockTheAccountLikeWrongPasswords() throws Exception {
		String secret = enrolTotp(signedIn(this.editor));
		this.clock.advance(Duration.ofSeconds(30));
		MockBrowser browser = passwordOnly(this.editor);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.send(post("/admin/login/code").param("code", "000000")).getResponse().getStatus())
				.isIn(422);
		}
		MvcResult locked = browser.send(post("/admin/login/code").param("code", code(secret, 0)));
		assertThat(locked.getResponse().getStatus()).isEqualTo(429);
		assertThat(browser.page()).contains("しばらくサインインできません");
		assertThat(browser.send(get("/admin")).getResponse().getRedirectedUrl()).isEqualTo("/admin/login/code");
		// a password from elsewhere does not get round it
		assertThat(signInRedirect(this.editor, Staff.PASSWORD)).isEqualTo("/admin/login?error");
	}

	@Test
	void withTheRequirementOnAMemberWithoutAFactorIsLedThroughEnrolmentFirst() throws Exception {
		MockBrowser admin = signedIn(SiteTest.ADMIN);
		MockBrowser editorBefore = signedIn(this.editor);
		assertThat(
				admin.send(post("/admin/users/policy").param("required", "EDITORS")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/users");
		assertThat(actions(AuditAction.SECOND_FACTOR_POLICY_CHANGED)).extracting(AuditEntry::actor)
			.contains(SiteTest.ADMIN);

		// a session from before is taken to enrolment at its next request
		assertThat(editorBefore.send(get("/admin/articles")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/account/second-factor");

		MockBrowser browser = passwordOnly(this.editor, "/admin/account/second-factor");
		for (String path : List.of("/admin", "/admin/articles", "/admin/media", "/admin/account")) {
			assertThat(browser.send(get(path)).getResponse().getRedirectedUrl()).as(path)
				.isEqualTo("/admin/account/second-factor");
		}
		assertThat(browser.send(get("/admin/account/second-factor")).getResponse().getContentAsString())
			.contains("設定が終わるまで、ほかの画面は使えません");
		enrolTotp(browser);
		assertThat(browser.send(get("/admin/articles")).getResponse().getStatus()).isEqualTo(200);

		// a moderator is not covered by EDITORS
		String moderator = "totp-moderator" + names.incrementAndGet();
		Staff.moderator(moderator).save(this.context);
		assertThat(signInRedirect(moderator, Staff.PASSWORD)).isEqualTo("/admin");

		// the ADMIN, without a factor either, is led there too
		assertThat(admin.send(get("/admin/users")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/account/second-factor");
	}

	@Test
	void anAdminsResetEndsTheSessionsAndTheMemberMustEnrolAgain() throws Exception {
		MockBrowser editorSession = signedIn(this.editor);
		enrolTotp(editorSession);
		Long id = this.context.getBean(StaffService.class)
			.all()
			.stream()
			.filter((user) -> user.username().equals(this.editor))
			.findFirst()
			.orElseThrow()
			.id();
		MockBrowser admin = signedIn(SiteTest.ADMIN);
		assertThat(admin.send(get("/admin/users")).getResponse().getContentAsString()).contains("確認コード(最後に使用");
		admin.send(post("/admin/users/{id}/factors/reset", id));
		assertThat(actions(AuditAction.SECOND_FACTOR_RESET)).extracting(AuditEntry::detail).contains(this.editor);
		assertThat(this.factors.factorsOf(this.editor).any()).isFalse();

		assertThat(editorSession.send(get("/admin/articles")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/login");
		MockBrowser browser = passwordOnly(this.editor, "/admin/account/second-factor");
		assertThat(browser.send(get("/admin")).getResponse().getRedirectedUrl())
			.isEqualTo("/admin/account/second-factor");
		enrolTotp(browser);
		assertThat(browser.send(get("/admin")).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void turningTheCodeOnEndsTheAccountsOtherSessionsAndKeepsThisOne() throws Exception {
		MockBrowser other = signedIn(this.editor);
		MockBrowser browser = signedIn(this.editor);
		enrolTotp(browser);
		assertThat(browser.send(get("/admin/articles")).getResponse().getStatus()).isEqualTo(200);
		assertThat(other.send(get("/admin/articles")).getResponse().getRedirectedUrl()).isEqualTo("/admin/login");
	}

	@Test
	void aWrongFirstCodeTurnsNothingOn() throws Exception {
		MockBrowser browser = signedIn(this.editor);
		String page = browser.send(get("/admin/account/totp")).getResponse().getContentAsString();
		String secret = Jsoup.parse(page).selectFirst("#totp-secret").text().replace(" ", "");
		assertThat(Jsoup.parse(page).selectFirst("svg.qr-code path").attr("d")).startsWith("M");
		assertThat(browser.send(post("/admin/account/totp").param("code", code(secret, 3))).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(browser.send(post("/admin/account/totp").param("code", "12345")).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(browser.page()).contains("6桁の数字");
		assertThat(this.factors.factorsOf(this.editor).totp()).isFalse();
		// the same secret is offered until it is confirmed
		String again = browser.send(get("/admin/account/totp")).getResponse().getContentAsString();
		assertThat(Jsoup.parse(again).selectFirst("#totp-secret").text().replace(" ", "")).isEqualTo(secret);
	}

	/** Sets up the one-time code through the pages; returns its secret. */
	private String enrolTotp(MockBrowser browser) throws Exception {
		String page = browser.send(get("/admin/account/totp")).getResponse().getContentAsString();
		String secret = Jsoup.parse(page).selectFirst("#totp-secret").text().replace(" ", "");
		MvcResult result = browser.send(post("/admin/account/totp").param("code", code(secret, 0)));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/account/recovery-codes");
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) result.getFlashMap().get("recoveryCodes");
		this.recoveryCodes = codes;
		return secret;
	}

	private String code(String secret, int stepsFromNow) {
		return Totp.code(secret, Totp.step(this.clock.instant()) + stepsFromNow);
	}

	private static String fullWidth(String digits) {
		StringBuilder wide = new StringBuilder();
		digits.chars().forEach((c) -> wide.append((char) ('０' + (c - '0'))));
		return wide.toString();
	}

	private List<AuditEntry> actions(AuditAction action) {
		return this.audit.search(new AuditFilter(null, action, null, null, null), 0)
			.getContent()
			.stream()
			.filter((entry) -> this.editor.equals(entry.actor()) || SiteTest.ADMIN.equals(entry.actor()))
			.toList();
	}

	private MockBrowser signedIn(String username) throws Exception {
		return passwordOnly(username, "/admin");
	}

	private MockBrowser passwordOnly(String username) throws Exception {
		return passwordOnly(username, "/admin/login/code");
	}

	private MockBrowser passwordOnly(String username, String expectedRedirect) throws Exception {
		MockBrowser browser = new MockBrowser(this.mvc, "198.51.100." + addresses.incrementAndGet());
		String password = SiteTest.ADMIN.equals(username) ? SiteTest.ADMIN_PASSWORD : Staff.PASSWORD;
		MvcResult result = browser.send(post("/admin/login").param("username", username).param("password", password));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(expectedRedirect);
		return browser;
	}

	private String signInRedirect(String username, String password) throws Exception {
		return new MockBrowser(this.mvc, "203.0.113." + addresses.incrementAndGet())
			.send(post("/admin/login").param("username", username).param("password", password))
			.getResponse()
			.getRedirectedUrl();
	}

}
