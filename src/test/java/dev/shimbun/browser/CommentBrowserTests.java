package dev.shimbun.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers comment in a real browser, with JavaScript and without it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.comments.per-minute=100", "shimbun.site.base-url=http://localhost:0" })
class CommentBrowserTests {

	private static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport noScript = new BrowserSupport(false);

	@LocalServerPort
	private int port;

	@Test
	void postingWithJavaScriptShowsTheCommentAndTheCountFollows() {
		WebDriver driver = browser.driver();
		driver.get(url(ARTICLE));
		// the browser may keep the page for a few seconds (max-age); a reload asks again
		driver.navigate().refresh();
		int before = count(driver);
		driver.findElement(By.id("comment-nickname")).sendKeys("ブラウザー読者");
		WebElement body = driver.findElement(By.id("comment-body"));
		body.sendKeys("JavaScriptありで投稿します");
		assertThat(driver.findElement(By.id("comment-body-counter")).getText()).isEqualTo("282");
		body.submit();
		wait(driver).until(ExpectedConditions.urlContains("comment=posted"));
		assertThat(driver.getCurrentUrl()).containsPattern("#comment-\\d+$");
		assertThat(count(driver)).isEqualTo(before + 1);
		assertThat(driver.findElement(By.cssSelector(".comments .notice")).getText()).isEqualTo("コメントを投稿しました。");
	}

	@Test
	void aReaderReactsToACommentWithoutLeavingItAndTheCountFollows() {
		WebDriver driver = browser.driver();
		driver.get(url(ARTICLE));
		driver.navigate().refresh();
		driver.findElement(By.id("comment-body")).sendKeys("反応してもらうコメント");
		driver.findElement(By.id("comment-body")).submit();
		wait(driver).until(ExpectedConditions.urlContains("comment=posted"));
		String anchor = driver.getCurrentUrl().replaceAll(".*#", "");
		((JavascriptExecutor) driver).executeScript("window.reactionJourney = 'same page'");
		By empathy = By.cssSelector("#" + anchor + " button[value=EMPATHY]");
		wait(driver).until(ExpectedConditions.attributeToBe(empathy, "aria-pressed", "false"));
		driver.findElement(empathy).click();
		wait(driver).until(ExpectedConditions.attributeToBe(empathy, "aria-pressed", "true"));
		assertThat(driver.findElement(empathy).getAttribute("aria-label")).isEqualTo("共感した 1件");
		assertThat(driver.findElement(By.cssSelector("#comments [role=status].reactions-status")).getText())
			.isEqualTo("共感したを押しました(1件)");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.reactionJourney")).isEqualTo("same page");
		driver.findElement(empathy).click();
		wait(driver).until(ExpectedConditions.attributeToBe(empathy, "aria-pressed", "false"));
		assertThat(driver.findElement(empathy).getAttribute("aria-label")).isEqualTo("共感した 0件");
		Accessibility.assertNoSeriousViolations(driver, "reactions");
	}

	@Test
	void postingWithoutJavaScriptWorksToo() {
		WebDriver driver = noScript.driver();
		driver.get(url(ARTICLE));
		driver.navigate().refresh();
		assertThat(driver.findElement(By.id("comment-body-counter")).getText()).as("no script ran").isEqualTo("300");
		int before = count(driver);
		driver.findElement(By.id("comment-body")).sendKeys("JavaScriptなしで投稿します");
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.urlContains("comment=posted"));
		assertThat(count(driver)).isEqualTo(before + 1);
		assertThat(driver.findElements(By.cssSelector(".comment-body")).stream().map(WebElement::getText))
			.contains("JavaScriptなしで投稿します");
	}

	@Test
	void aTooLongCommentKeepsItsTextWithoutJavaScript() {
		WebDriver driver = noScript.driver();
		driver.get(url(ARTICLE));
		String text = "長".repeat(301);
		driver.findElement(By.id("comment-body")).sendKeys(text);
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("comment-body-error")));
		assertThat(driver.findElement(By.id("comment-body-error")).getText())
			.isEqualTo("コメントは300文字以内で入力してください(現在301文字)。");
		assertThat(driver.findElement(By.id("comment-body")).getAttribute("value")).isEqualTo(text);
	}

	@Test
	void aScriptInACommentShowsAsTextAndNeverRuns() {
		WebDriver driver = browser.driver();
		driver.get(url(ARTICLE));
		String payload = "<img src=x onerror=\"window.__hacked=1\"><script>window.__hacked=2</script>";
		WebElement body = driver.findElement(By.id("comment-body"));
		body.sendKeys(payload);
		body.submit();
		wait(driver).until(ExpectedConditions.urlContains("comment=posted"));
		String anchor = driver.getCurrentUrl().replaceAll(".*#", "");
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(payload);
		Object hacked = ((JavascriptExecutor) driver).executeScript("return window.__hacked === undefined");
		assertThat(hacked).isEqualTo(true);
	}

	@Test
	void aReaderReportsAComment() {
		WebDriver driver = browser.driver();
		driver.get(url(ARTICLE));
		WebElement body = driver.findElement(By.id("comment-body"));
		body.sendKeys("通報されるコメント");
		body.submit();
		wait(driver).until(ExpectedConditions.urlContains("comment=posted"));
		String anchor = driver.getCurrentUrl().replaceAll(".*#", "");
		WebElement comment = driver.findElement(By.id(anchor));
		comment.findElement(By.cssSelector("summary")).click();
		comment.findElement(By.cssSelector("input[value=ABUSE]")).click();
		comment.findElement(By.cssSelector(".comment-report button")).click();
		wait(driver).until(ExpectedConditions.urlContains("reported=1"));
		assertThat(driver.findElement(By.cssSelector(".comments .notice")).getText())
			.isEqualTo("通報を受け付けました。ご協力ありがとうございます。");
		Accessibility.assertNoSeriousViolations(driver, ARTICLE + " with comments");
	}

	private static int count(WebDriver driver) {
		return Integer.parseInt(driver.findElement(By.id("comments-heading")).getText().replace("コメント", ""));
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
