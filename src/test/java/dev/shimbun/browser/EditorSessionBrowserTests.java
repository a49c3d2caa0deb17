package dev.shimbun.browser;

import java.time.Duration;
import java.util.Map;

import dev.shimbun.support.Articles;
import dev.shimbun.support.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's safety nets in real browsers: a draft typed in a tab that crashes is
 * offered back when the article is opened again, and two editors with the same article
 * open see each other, the second taking it over.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shimbun.admin.username=desk",
		"shimbun.admin.password=browser-test-secret", "shimbun.editor.autosave-interval=1s" })
class EditorSessionBrowserTests {

	@RegisterExtension
	static final BrowserSupport alice = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport bob = new BrowserSupport();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void aDraftTypedInATabThatCrashesIsOfferedBackAndRestored() {
		Staff.editor("alice").displayName("有村").saveIfAbsent(this.context);
		Long id = Articles.draft().slug("crash-draft").headline("元の見出し").paragraph("元の本文。").save(this.context);
		WebDriver driver = signedIn(alice.driver(), "alice");
		String edit = url("/admin/articles/" + id + "/edit");
		driver.get(edit);
		driver.findElement(By.id("headline")).clear();
		driver.findElement(By.id("headline")).sendKeys("クラッシュ前に書いた見出し");
		driver.findElement(By.id("summary")).sendKeys("途中までの概要");
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "自動保存しました"));
		// the page shows the count as readers count characters while typing
		assertThat(driver.findElement(By.id("headline-count")).getText()).startsWith("13文字");

		String crashed = driver.getWindowHandle();
		driver.switchTo().newWindow(WindowType.TAB);
		String fresh = driver.getWindowHandle();
		driver.switchTo().window(crashed);
		try {
			((HasCdp) driver).executeCdpCommand("Page.crash", Map.of());
		}
		catch (WebDriverException ex) {
			// the answer of a tab that crashed
			assertThat(ex.getMessage()).contains("crashed");
		}
		driver.switchTo().window(fresh);

		driver.get(edit);
		assertThat(driver.findElement(By.id("headline")).getAttribute("value")).isEqualTo("元の見出し");
		assertThat(driver.findElement(By.id("draft-offer")).getText()).contains("保存されていない下書きがあります");
		driver.findElement(By.id("draft-restore")).click();
		wait(driver).until(ExpectedConditions.urlContains("restore=draft"));
		assertThat(driver.findElement(By.id("headline")).getAttribute("value")).isEqualTo("クラッシュ前に書いた見出し");
		assertThat(driver.findElement(By.id("summary")).getAttribute("value")).isEqualTo("途中までの概要");
		Accessibility.assertNoSeriousViolations(driver, "restored draft");
	}

	@Test
	void twoEditorsSeeEachOtherAndTheSecondTakesOver() {
		Staff.editor("alice").displayName("有村").saveIfAbsent(this.context);
		Staff.editor("bob").displayName("馬場").saveIfAbsent(this.context);
		Long id = Articles.draft().slug("two-editors").headline("二人の見出し").paragraph("本文。").save(this.context);
		String edit = url("/admin/articles/" + id + "/edit");
		WebDriver first = signedIn(alice.driver(), "alice");
		first.get(edit);
		WebDriver second = signedIn(bob.driver(), "bob");
		second.get(edit);

		// the second sees who holds the article and is asked; the first sees the second
		wait(second).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.presence-dialog")));
		assertThat(second.findElement(By.cssSelector("dialog.presence-dialog h2")).getText())
			.isEqualTo("有村さんがこの記事を編集中です");
		Accessibility.assertNoSeriousViolations(second, "take-over dialog");
		new WebDriverWait(first, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "馬場さんもこの記事を開いています"));

		second.findElement(By.cssSelector("dialog.presence-dialog [data-take-over]")).click();
		wait(second).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.presence-dialog")));
		assertThat(isInert(second)).isFalse();
		second.findElement(By.id("headline")).sendKeys("(引き継ぎ後)");

		new WebDriverWait(first, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "馬場さんが編集を引き継ぎました"));
		wait(first).until((driver) -> isInert(driver));
	}

	private static boolean isInert(WebDriver driver) {
		return Boolean.TRUE.equals(
				((JavascriptExecutor) driver).executeScript("return document.getElementById('article-form').inert;"));
	}

	private WebDriver signedIn(WebDriver driver, String username) {
		return BrowserSupport.signIn(driver, url(""), username, Staff.PASSWORD);
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
