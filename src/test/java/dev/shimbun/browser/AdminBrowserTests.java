package dev.shimbun.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor in a real browser: sign in, edit a paragraph, and axe-core on the admin
 * pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.admin.username=desk", "shimbun.admin.password=browser-test-secret" })
class AdminBrowserTests {

	private static final String EDD = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport withoutScripts = new BrowserSupport(false);

	@LocalServerPort
	private int port;

	@Test
	void editorWithoutJavaScriptSignsInEditsAParagraphAndSeesItOnThePublicPage() {
		WebDriver driver = signedIn(withoutScripts.driver());
		driver.get(url("/admin/articles?q=バークスデール"));
		driver.findElement(By.cssSelector("tbody a")).click();
		WebElement paragraph = driver.findElement(By.id("blocks[2].text"));
		assertThat(paragraph.getText()).startsWith("米国と日本は5~6日");
		paragraph.clear();
		paragraph.sendKeys("米国と日本は5~6日、バークスデール空軍基地で協議を実施した。(ブラウザーで編集)");
		driver.findElement(By.cssSelector("button[value=save]")).click();
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "記事を保存しました"));
		driver.get(url(EDD));
		assertThat(driver.findElement(By.cssSelector(".article-body > p")).getText())
			.isEqualTo("米国と日本は5~6日、バークスデール空軍基地で協議を実施した。(ブラウザーで編集)");
	}

	@Test
	void wrongPasswordShowsTheErrorOnTheLoginPage() {
		WebDriver driver = browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(url("/admin/login"));
		driver.findElement(By.id("username")).sendKeys("desk");
		driver.findElement(By.id("password")).sendKeys("not-the-password");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
		assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("ユーザー名またはパスワードが正しくありません。");
		Accessibility.assertNoSeriousViolations(driver, "/admin/login?error");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/articles", "/admin/articles/new", "/admin/articles/1/edit",
			"/admin/articles/1/revisions", "/admin/lists", "/admin/lists/1/edit", "/admin/categories", "/admin/media",
			"/admin/media/new", "/admin/comments", "/admin/comments?queue=ALL", "/admin/comments/rules", "/admin/stats",
			"/admin/stats/1", "/admin/users", "/admin/users/new", "/admin/audit" })
	void adminPageHasNoSeriousAccessibilityViolations(String path) {
		WebDriver driver = signedIn();
		driver.get(url(path));
		assertThat(driver.getCurrentUrl()).endsWith(path);
		Accessibility.assertNoSeriousViolations(driver, path);
	}

	private WebDriver signedIn() {
		return signedIn(browser.driver());
	}

	private WebDriver signedIn(WebDriver driver) {
		return BrowserSupport.signIn(driver, url(""), "desk", "browser-test-secret");
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
