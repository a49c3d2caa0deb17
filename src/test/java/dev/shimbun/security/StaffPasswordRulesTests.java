package dev.shimbun.security;

import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.MockBrowser;
import dev.shimbun.support.Staff;
import dev.shimbun.support.StaffTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Passwords too easy to guess are refused wherever a staff password is chosen (an ADMIN's
 * new account or reset, a member's own change), and a member changes their own password
 * only with the current one, whose wrong tries lock like sign-ins.
 */
@StaffTest
class StaffPasswordRulesTests {

	private static final String TOO_EASY = "推測されやすいパスワードです";

	private static final AtomicInteger names = new AtomicInteger();

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuditService audit;

	@Autowired
	private ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "Mailcreated5240", "MAILCREATED5240", "ｍａｉｌｃｒｅａｔｅｄ５２４０", "123qweasdzxc", "aaaaaaaaaaaaaa",
			"abcabcabcabc", "1234567890123", "qwertyuiopasd", "zyxwvutsrqpo", "my-rulesan-secret",
			"shimbun-is-great-2026", "password123456", "Iloveyou2026!", "!!sunshine1234" })
	void anAdminCannotGiveANewAccountAPasswordTooEasyToGuess(String password) throws Exception {
		String html = this.mvc
			.perform(post("/admin/users").with(csrf())
				.with(user(StaffTest.ADMIN).roles("ADMIN"))
				.param("username", "rulesan")
				.param("displayName", "規則")
				.param("role", "EDITOR")
				.param("password", password))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).getElementById("password-error").text()).startsWith(TOO_EASY);
		assertThat(html).doesNotContain(password);
		assertThat(this.context.getBean(StaffService.class).usernameTaken("rulesan")).isFalse();
	}

	@Test
	void theLibrarysListIsLoadedAndAPasswordNotInItIsTaken() throws Exception {
		assertThat(CommonPasswords.listed()).isGreaterThan(90_000);
		this.mvc
			.perform(post("/admin/users").with(csrf())
				.with(user(StaffTest.ADMIN).roles("ADMIN"))
				.param("username", "kumo" + names.incrementAndGet())
				.param("displayName", "雲")
				.param("role", "EDITOR")
				.param("password", "kumo-no-ue-no-sora-7"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(StaffPasswords.tooEasy("kumo-no-ue-no-sora-7", "someone")).isFalse();
	}

	@Test
	void aMemberChangesTheirOwnPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() throws Exception {
		String name = "own" + names.incrementAndGet();
		Staff.editor(name).save(this.context);
		MockBrowser other = signedIn(name, Staff.PASSWORD);
		MockBrowser browser = signedIn(name, Staff.PASSWORD);

		MvcResult wrong = browser.send(post("/admin/account/password").param("currentPassword", "not-the-password")
			.param("password", "hoshizora-no-michi-88"));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(Jsoup.parse(browser.page()).getElementById("currentPassword-error").text())
			.isEqualTo("今のパスワードが正しくありません。");

		MvcResult easy = browser.send(post("/admin/account/password").param("currentPassword", Staff.PASSWORD)
			.param("password", "qwertyuiopasdf"));
		assertThat(easy.getResponse().getStatus()).isEqualTo(422);
		assertThat(Jsoup.parse(browser.page()).getElementById("password-error").text()).startsWith(TOO_EASY);

		MvcResult changed = browser.send(post("/admin/account/password").param("currentPassword", Staff.PASSWORD)
			.param("password", "hoshizora-no-michi-88"));
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/admin/account");
		assertThat(browser.send(get("/admin/articles")).getResponse().getStatus()).isEqualTo(200);
		assertThat(other.send(get("/admin/articles")).getResponse().getRedirectedUrl()).isEqualTo("/admin/login");
		assertThat(signInRedirect(name, Staff.PASSWORD)).isEqualTo("/admin/login?error");
		assertThat(signInRedirect(name, "hoshizora-no-michi-88")).isEqualTo("/admin");
		assertThat(this.audit.search(new AuditFilter(name, AuditAction.PASSWORD_CHANGED, null, null, null), 0))
			.hasSize(1);
	}

	@Test
	void wrongCurrentPasswordsLockLikeSignIns() throws Exception {
		String name = "guess" + names.incrementAndGet();
		Staff.editor(name).save(this.context);
		MockBrowser browser = signedIn(name, Staff.PASSWORD);
		for (int i = 0; i < 5; i++) {
			browser.send(post("/admin/account/password").param("currentPassword", "guess-number-" + i)
				.param("password", "hoshizora-no-michi-88"));
		}
		MvcResult locked = browser.send(post("/admin/account/password").param("currentPassword", Staff.PASSWORD)
			.param("password", "hoshizora-no-michi-88"));
		assertThat(locked.getResponse().getStatus()).isEqualTo(422);
		assertThat(Jsoup.parse(browser.page()).getElementById("currentPassword-error").text())
			.contains("しばらくサインインできません");
		// the account is locked for sign-ins too, whatever the address
		assertThat(signInRedirect(name, Staff.PASSWORD)).isEqualTo("/admin/login?error");
	}

	private MockBrowser signedIn(String username, String password) throws Exception {
		MockBrowser browser = new MockBrowser(this.mvc, "198.51.100." + (100 + addresses.incrementAndGet()));
		MvcResult result = browser.send(post("/admin/login").param("username", username).param("password", password));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin");
		return browser;
	}

	private String signInRedirect(String username, String password) throws Exception {
		return new MockBrowser(this.mvc, "198.51.100." + (100 + addresses.incrementAndGet()))
			.send(post("/admin/login").param("username", username).param("password", password))
			.getResponse()
			.getRedirectedUrl();
	}

}
