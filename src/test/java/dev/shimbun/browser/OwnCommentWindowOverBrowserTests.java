package dev.shimbun.browser;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.shimbun.browser.OwnCommentBrowserTests.ARTICLE;
import static dev.shimbun.browser.OwnCommentBrowserTests.KEYS;
import static dev.shimbun.browser.OwnCommentBrowserTests.editButton;
import static dev.shimbun.browser.OwnCommentBrowserTests.editField;
import static dev.shimbun.browser.OwnCommentBrowserTests.script;
import static dev.shimbun.browser.OwnCommentBrowserTests.storedKey;
import static dev.shimbun.browser.OwnCommentBrowserTests.unique;
import static dev.shimbun.browser.OwnCommentBrowserTests.waitFor;
import static dev.shimbun.browser.OwnCommentBrowserTests.withdrawButton;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once its time is over, the server refuses to change a comment whatever the browser
 * thinks: with an edit window of zero every edit comes too late, and a browser whose
 * stored key says otherwise (its clock behind, or the window shortened since) shows the
 * server's reason and drops its buttons and the key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.comments.per-minute=100", "shimbun.comments.per-day=1000",
				"shimbun.site.base-url=http://localhost:0", "shimbun.comments.edit-window=0s" })
class OwnCommentWindowOverBrowserTests {

	private static final String WINDOW_OVER = "投稿から時間がたったため、このコメントはもう編集・削除できません。";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	private int port;

	@Test
	void anEditAfterTheWindowIsRefusedAndTheButtonsGo() {
		WebDriver driver = browser.driver();
		// posted with the page's form, a comment with no time left gets no key and no
		// buttons
		String late = OwnCommentBrowserTests.post(driver, url(ARTICLE), null, unique("時間のないコメント"));
		assertThat(driver.findElements(By.cssSelector("#" + late + " .comment-own"))).isEmpty();
		assertThat(storedKey(driver, late)).isNull();

		String text = unique("遅すぎる編集のコメント");
		String anchor = postKeepingTheKey(driver, text);
		editButton(driver, anchor).click();
		waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(editField(anchor, "body"))))
			.sendKeys("追記");
		driver.findElement(By.cssSelector("#" + editField(anchor, null) + " button[type=submit]")).click();

		By notice = By.cssSelector("#" + anchor + " .comment-own-notice");
		waitFor(driver).until(ExpectedConditions.textToBe(notice, WINDOW_OVER));
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();
		assertThat(driver.findElements(By.id(editField(anchor, null)))).isEmpty();
		assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(notice));
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);
		assertThat(storedKey(driver, anchor)).isNull();

		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-edited"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();
	}

	@Test
	void takingBackAfterTheWindowIsRefusedToo() {
		WebDriver driver = browser.driver();
		String text = unique("遅すぎる削除のコメント");
		String anchor = postKeepingTheKey(driver, text);
		withdrawButton(driver, anchor).click();
		driver.switchTo().alert().accept();
		waitFor(driver)
			.until(ExpectedConditions.textToBe(By.cssSelector("#" + anchor + " .comment-own-notice"), WINDOW_OVER));
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);

		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);
	}

	/**
	 * Posts a comment for JSON as the page does, and keeps its key as if ten minutes were
	 * left; returns the anchor of the comment, shown with its buttons.
	 */
	private String postKeepingTheKey(WebDriver driver, String text) {
		driver.get(url(ARTICLE));
		Object answer = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ " var body = new URLSearchParams(); body.append('body', arguments[0]);"
				+ " fetch(document.getElementById('comment-form').action, {method: 'POST', body: body,"
				+ " headers: {'Accept': 'application/json'}, credentials: 'same-origin'})"
				+ ".then(function (response) { return response.json(); }).then(done, function (e) { done(String(e)); });",
				text);
		assertThat(answer).isInstanceOf(Map.class);
		Map<?, ?> posted = (Map<?, ?>) answer;
		assertThat(posted.get("editableFor")).isEqualTo(0L);
		String id = String.valueOf(posted.get("id"));
		script(driver, "localStorage.setItem(arguments[0], JSON.stringify({[arguments[1]]:"
				+ " {key: arguments[2], until: Date.now() + 600000}}))", KEYS, id, posted.get("editKey"));
		driver.navigate().refresh();
		String anchor = "comment-" + id;
		waitFor(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + anchor + " > .comment-own")));
		return anchor;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
