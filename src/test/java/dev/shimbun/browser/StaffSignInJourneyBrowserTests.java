package dev.shimbun.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.shimbun.MutableClock;
import dev.shimbun.support.Instances;
import dev.shimbun.support.LoadBalancer;
import dev.shimbun.support.Staff;
import dev.shimbun.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-in as a new editor and an ADMIN live it, on two instances behind a load
 * balancer on one PostgreSQL database (the relying party is the balancer's address, from
 * {@code shimbun.site.base-url}), in Chromium with its virtual authenticator: a passkey
 * enrolled on one instance signs in alone on the other, and is removed; an ADMIN turns
 * the requirement on and a colleague without a factor is led through the one-time code's
 * enrolment before anything else, then signs in with a code. Driven by the keyboard, with
 * axe on every new page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffSignInJourneyBrowserTests {

	private static final String PASSWORD = "journey-test-password";

	@RegisterExtension
	static final BrowserSupport editorBrowser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport adminBrowser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport colleagueBrowser = new BrowserSupport();

	private static LoadBalancer balancer;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstancesBehindABalancer() throws Exception {
		balancer = LoadBalancer.start();
		String url = TestDatabases.newPostgresDatabase();
		Path data = Files.createTempDirectory("shimbun-sign-in");
		a = start(url, data);
		b = start(url, data);
		Instant now = Instant.now();
		a.getBean(MutableClock.class).set(now);
		b.getBean(MutableClock.class).set(now);
		Staff.editor("hanako").displayName("花子").password("sakura-tegami-2026").save(a);
		Staff.editor("taro").displayName("太郎").password("yuuhi-no-kane-2026").save(a);
	}

	private static ConfigurableApplicationContext start(String url, Path data) {
		return Instances.start(url, data, PASSWORD, new Class<?>[] { MutableClock.Config.class },
				"--shimbun.site.base-url=" + balancer.origin());
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (balancer != null) {
			balancer.close();
		}
	}

	@Test
	@Order(1)
	void aPasskeyEnrolledOnOneInstanceSignsInAloneOnTheOther() {
		WebDriver driver = editorBrowser.driver();
		VirtualAuthenticator authenticator = authenticator(driver);
		balancer.sendTo(port(a));
		signInWithPassword(driver, "hanako", "sakura-tegami-2026");
		assertThat(driver.getCurrentUrl()).endsWith("/admin");

		// the account page, from the menu, by keyboard
		driver.findElement(By.linkText("アカウント")).sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin/account"));
		WebElement label = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-label")));
		Accessibility.assertNoSeriousViolations(driver, "account page");
		label.sendKeys("取材用のスマートフォン");
		driver.findElement(By.cssSelector("[data-passkey-add-button]")).sendKeys(Keys.ENTER);
		wait(driver)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "パスキーを追加しました"));
		assertThat(driver.findElement(By.cssSelector("table.data-table tbody")).getText()).contains("取材用のスマートフォン");
		assertThat(authenticator.getCredentials()).hasSize(1);
		assertThat(authenticator.getCredentials().get(0).isResidentCredential()).isTrue();

		// signed out, the balancer now sends everything to B
		signOut(driver);
		int toA = balancer.connectionsTo(port(a));
		balancer.sendTo(port(b));
		driver.get(balancer.origin() + "/admin/login");
		Accessibility.assertNoSeriousViolations(driver, "sign-in page with passkeys");
		WebElement passkey = wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in-button]")));
		passkey.sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin"));
		assertThat(driver.findElement(By.cssSelector(".signed-in-as")).getText()).contains("hanako");
		assertThat(balancer.connectionsTo(port(a))).as("nothing reached A after the switch").isEqualTo(toA);
		assertThat(balancer.connectionsTo(port(b))).isPositive();

		// and removed, on B
		driver.get(balancer.origin() + "/admin/account");
		driver.findElement(By.xpath("//button[normalize-space()='取材用のスマートフォン を削除']")).sendKeys(Keys.ENTER);
		wait(driver)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "パスキーを削除しました"));
		assertThat(driver.getPageSource()).doesNotContain("取材用のスマートフォン");

		// the browser still holds it, but the site no longer knows it
		signOut(driver);
		wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in-button]")))
			.sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("[data-passkey-sign-in] [data-passkey-error]"), "パスキーでサインインできませんでした"));
		assertThat(driver.getCurrentUrl()).contains("/admin/login");
	}

	@Test
	@Order(2)
	void anAdminRequiresASecondFactorAndAColleagueIsLedThroughEnrolmentFirst() {
		// the ADMIN sets up a passkey of their own first, on A
		balancer.sendTo(port(a));
		WebDriver admin = adminBrowser.driver();
		authenticator(admin);
		signInWithPassword(admin, "chief", PASSWORD);
		admin.get(balancer.origin() + "/admin/account");
		wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-label"))).sendKeys("管理者の鍵");
		admin.findElement(By.cssSelector("[data-passkey-add-button]")).sendKeys(Keys.ENTER);
		wait(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "パスキーを追加しました"));

		// then requires a second factor of all staff
		admin.get(balancer.origin() + "/admin/users");
		Accessibility.assertNoSeriousViolations(admin, "staff list with factors");
		admin.findElement(By.id("required-ALL")).sendKeys(Keys.SPACE);
		admin.findElement(By.cssSelector(".policy button[type=submit]")).sendKeys(Keys.ENTER);
		wait(admin)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "2段階認証の必須範囲を変更しました"));
		assertThat(admin.getCurrentUrl()).endsWith("/admin/users");

		// the colleague, on B, is taken to enrolment right after the password
		balancer.sendTo(port(b));
		WebDriver colleague = colleagueBrowser.driver();
		signInWithPassword(colleague, "taro", "yuuhi-no-kane-2026");
		assertThat(colleague.getCurrentUrl()).isEqualTo(balancer.origin() + "/admin/account/second-factor");
		assertThat(colleague.findElement(By.cssSelector(".notice")).getText()).contains("設定が終わるまで、ほかの画面は使えません");
		assertThat(colleague.findElements(By.id("admin-menu"))).as("no menu before enrolment").isEmpty();
		Accessibility.assertNoSeriousViolations(colleague, "second-factor enrolment");
		for (String path : List.of("/admin/articles", "/admin/comments", "/admin/account")) {
			colleague.get(balancer.origin() + path);
			assertThat(colleague.getCurrentUrl()).as(path)
				.isEqualTo(balancer.origin() + "/admin/account/second-factor");
		}

		// the one-time code, by keyboard: the secret written out, a first code
		colleague.findElement(By.linkText("確認コードを設定する")).sendKeys(Keys.ENTER);
		wait(colleague).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin/account/totp"));
		Accessibility.assertNoSeriousViolations(colleague, "one-time code set-up");
		assertThat(colleague.findElement(By.cssSelector("svg.qr-code")).getAttribute("role")).isEqualTo("img");
		String secret = colleague.findElement(By.id("totp-secret")).getText().replace(" ", "");
		WebElement code = colleague.findElement(By.id("code"));
		code.sendKeys(totp(secret, now()));
		code.sendKeys(Keys.ENTER);
		wait(colleague).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin/account/recovery-codes"));
		assertThat(colleague.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		Accessibility.assertNoSeriousViolations(colleague, "recovery codes");
		colleague.findElement(By.linkText("保管しました")).sendKeys(Keys.ENTER);
		wait(colleague).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin/account"));
		colleague.get(balancer.origin() + "/admin/articles");
		assertThat(colleague.getCurrentUrl()).isEqualTo(balancer.origin() + "/admin/articles");

		// the next sign-in asks for a code, on A this time
		signOut(colleague);
		balancer.sendTo(port(a));
		advanceClocks(Duration.ofSeconds(30));
		signInWithPassword(colleague, "taro", "yuuhi-no-kane-2026");
		assertThat(colleague.getCurrentUrl()).isEqualTo(balancer.origin() + "/admin/login/code");
		Accessibility.assertNoSeriousViolations(colleague, "code page");
		WebElement second = colleague.findElement(By.id("code"));
		second.sendKeys(totp(secret, now()));
		second.sendKeys(Keys.ENTER);
		wait(colleague).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin"));

		// the ADMIN sees which factors each member has
		admin.get(balancer.origin() + "/admin/users");
		String taroRow = admin.findElement(By.xpath("//tr[td[normalize-space()='taro']]")).getText();
		assertThat(taroRow).contains("確認コード(最後に使用:").contains("リカバリーコード残り10個");
		String chiefRow = admin.findElement(By.xpath("//tr[td[normalize-space()='chief']]")).getText();
		assertThat(chiefRow).contains("パスキー 1個");
	}

	@Test
	@Order(3)
	void aPasskeyCompletesAPasswordSignInAndADisabledAccountsPasskeyIsRefused() {
		// hanako (whose first passkey is gone) adds another, on A
		balancer.sendTo(port(a));
		WebDriver driver = editorBrowser.driver();
		signInWithPassword(driver, "hanako", "sakura-tegami-2026");
		assertThat(driver.getCurrentUrl()).as("all staff must have a factor now: enrolment first")
			.isEqualTo(balancer.origin() + "/admin/account/second-factor");
		WebElement label = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-label")));
		// a name is needed, and the refusal is announced next to the button
		driver.findElement(By.cssSelector("[data-passkey-add-button]")).sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("[data-passkey-add] [data-passkey-error]"), "パスキーの名前を入力してください"));
		assertThat(label.getAttribute("aria-invalid")).isEqualTo("true");
		label.sendKeys("予備の鍵");
		driver.findElement(By.cssSelector("[data-passkey-add-button]")).sendKeys(Keys.ENTER);
		wait(driver)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "パスキーを追加しました"));
		signOut(driver);

		// a password is only the first step now; the passkey completes it, on B
		balancer.sendTo(port(b));
		signInWithPassword(driver, "hanako", "sakura-tegami-2026");
		assertThat(driver.getCurrentUrl()).isEqualTo(balancer.origin() + "/admin/login/code");
		assertThat(driver.findElements(By.id("code"))).as("no one-time code set up").isEmpty();
		wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in-button]")));
		Accessibility.assertNoSeriousViolations(driver, "second step with a passkey");
		driver.findElement(By.cssSelector("[data-passkey-sign-in-button]")).sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin"));
		signOut(driver);

		// the ADMIN disables the account: its passkey no longer signs in
		WebDriver admin = adminBrowser.driver();
		admin.get(balancer.origin() + "/admin/users");
		admin.findElement(By.xpath("//tr[td[normalize-space()='hanako']]//a")).sendKeys(Keys.ENTER);
		wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("factors-reset-heading")));
		assertThat(admin.findElement(By.cssSelector(".factors-reset")).getText()).contains("パスキー「予備の鍵」");
		Accessibility.assertNoSeriousViolations(admin, "a staff member's page with their factors");
		WebElement enabled = wait(admin)
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=checkbox][name=enabled]")));
		enabled.sendKeys(Keys.SPACE);
		admin.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
		wait(admin).until(ExpectedConditions.urlToBe(balancer.origin() + "/admin/users"));
		driver.get(balancer.origin() + "/admin/login");
		wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in-button]")))
			.sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("[data-passkey-sign-in] [data-passkey-error]"), "パスキーでサインインできませんでした"));
		assertThat(driver.getCurrentUrl()).contains("/admin/login");
	}

	private static void signOut(WebDriver driver) {
		driver.findElement(By.cssSelector("form.signout button")).sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.urlContains("/admin/login?signedOut"));
	}

	private static void signInWithPassword(WebDriver driver, String username, String password) {
		driver.get(balancer.origin() + "/admin/login");
		driver.findElement(By.id("username")).sendKeys(username);
		WebElement field = driver.findElement(By.id("password"));
		field.sendKeys(password);
		field.sendKeys(Keys.ENTER);
		wait(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login?")));
		wait(driver).until((d) -> !d.getCurrentUrl().equals(balancer.origin() + "/admin/login"));
	}

	private static VirtualAuthenticator authenticator(WebDriver driver) {
		return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
	}

	private static Instant now() {
		return a.getBean(MutableClock.class).instant();
	}

	private static void advanceClocks(Duration duration) {
		a.getBean(MutableClock.class).advance(duration);
		b.getBean(MutableClock.class).advance(duration);
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	/**
	 * The code an authenticator app shows (RFC 6238, written out here apart from the
	 * application's own).
	 */
	private static String totp(String base32Secret, Instant at) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		byte[] key = new byte[base32Secret.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : base32Secret.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				key[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			long step = at.getEpochSecond() / 30;
			byte[] counter = new byte[8];
			for (int i = 7; i >= 0; i--) {
				counter[i] = (byte) (step & 0xff);
				step >>= 8;
			}
			byte[] hash = mac.doFinal(counter);
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
