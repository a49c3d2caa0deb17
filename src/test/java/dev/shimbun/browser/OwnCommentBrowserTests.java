package dev.shimbun.browser;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JavaScript, comments are posted without leaving the page until they are stored,
 * and their author edits or takes them back in place for a while, with the key the page
 * keeps in this browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shimbun.comments.per-minute=100",
		"shimbun.comments.per-day=1000", "shimbun.site.base-url=http://localhost:0" })
class OwnCommentBrowserTests {

	static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	static final String KEYS = "shimbun.comment-keys";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport otherBrowser = new BrowserSupport();

	@LocalServerPort
	private int port;

	@Test
	void postingWithJavaScriptGivesItsAuthorEditAndDeleteButtons() {
		WebDriver driver = browser.driver();
		String text = unique("自分で書いたコメントです。編集と削除のボタンが出ます");
		String anchor = post(driver, url(ARTICLE), "書いた本人", text);
		assertThat(driver.getCurrentUrl()).contains("comment=posted");
		WebElement edit = editButton(driver, anchor);
		WebElement withdraw = withdrawButton(driver, anchor);
		assertThat(edit.getAccessibleName()).isEqualTo("編集する (あなたのコメント「" + text.substring(0, 20) + "…」)");
		assertThat(withdraw.getAccessibleName()).isEqualTo("削除する (あなたのコメント「" + text.substring(0, 20) + "…」)");
		String key = storedKey(driver, anchor);
		assertThat(key).hasSize(43);
		assertThat(driver.manage().getCookies()).extracting(Cookie::getValue).noneMatch((value) -> value.contains(key));

		// a second comment from the page the first one led to: only the hash differs, the
		// page is loaded again and shows it
		String second = unique("続けてもう一つ");
		driver.findElement(By.id("comment-body")).sendKeys(second);
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("#" + anchor)));
		String secondAnchor = driver.getCurrentUrl().replaceAll(".*#", "");
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(ownToolbar(secondAnchor)));
		assertThat(driver.findElement(By.cssSelector("#" + secondAnchor + " .comment-body")).getText())
			.isEqualTo(second);
		assertThat(driver.findElements(ownToolbar(anchor))).hasSize(1);
	}

	@Test
	void anAuthorEditsACommentInPlaceAndTheEditStays() {
		WebDriver driver = browser.driver();
		String text = unique("編集する前の文");
		String anchor = post(driver, url(ARTICLE), "前の名前", text);
		script(driver, "window.ownJourney = 'same page'");
		WebElement edit = editButton(driver, anchor);
		edit.click();
		WebElement body = waitFor(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id(editField(anchor, "body"))));
		assertThat(driver.switchTo().activeElement()).isEqualTo(body);
		assertThat(body.getDomProperty("value")).isEqualTo(text);
		WebElement nickname = driver.findElement(By.id(editField(anchor, "nickname")));
		assertThat(nickname.getDomProperty("value")).isEqualTo("前の名前");
		assertThat(driver.findElement(By.cssSelector("label[for=" + editField(anchor, "body") + "]")).getText())
			.isEqualTo("コメント(必須、300文字まで)");
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).isDisplayed()).isFalse();
		assertThat(driver.findElement(ownToolbar(anchor)).isDisplayed()).isFalse();
		Accessibility.assertNoSeriousViolations(driver, ARTICLE + " editing a comment");

		String edited = unique("編集した後の文");
		body.clear();
		body.sendKeys(edited);
		assertThat(driver.findElement(By.id(editField(anchor, "body-counter"))).getText())
			.isEqualTo(String.valueOf(300 - edited.length()));
		nickname.clear();
		nickname.sendKeys("新しい名前");
		driver.findElement(By.cssSelector("#" + editField(anchor, null) + " button[type=submit]")).click();

		By shownBody = By.cssSelector("#" + anchor + " .comment-body");
		waitFor(driver).until(ExpectedConditions.textToBe(shownBody, edited));
		assertThat(driver.findElements(By.id(editField(anchor, null)))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-meta .comment-edited")).getText())
			.isEqualTo("編集済み");
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-nickname")).getText())
			.isEqualTo("新しい名前");
		waitFor(driver)
			.until(ExpectedConditions.textToBe(By.cssSelector("#comments .comment-own-live"), "コメントを編集しました。"));
		assertThat(driver.switchTo().activeElement()).isEqualTo(editButton(driver, anchor));
		assertThat(script(driver, "return window.ownJourney")).isEqualTo("same page");

		// fresh from the server
		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(ownToolbar(anchor)));
		assertThat(driver.findElement(shownBody).getText()).isEqualTo(edited);
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-meta .comment-edited"))).hasSize(1);
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-nickname")).getText())
			.isEqualTo("新しい名前");
		assertThat(driver.findElement(By.id(anchor)).getDomAttribute("data-nickname")).isEqualTo("新しい名前");
	}

	@Test
	void aRefusedEditShowsTheReasonNextToTheFieldAndCancellingRestoresTheComment() {
		WebDriver driver = browser.driver();
		String text = unique("長すぎる編集を試すコメント");
		String anchor = post(driver, url(ARTICLE), null, text);
		editButton(driver, anchor).click();
		WebElement body = waitFor(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id(editField(anchor, "body"))));
		body.clear();
		body.sendKeys("長".repeat(301));
		assertThat(driver.findElement(By.id(editField(anchor, "body-counter"))).getText()).isEqualTo("-1");
		driver.findElement(By.cssSelector("#" + editField(anchor, null) + " button[type=submit]")).click();

		String errorId = editField(anchor, "body") + "-error";
		WebElement error = waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(errorId)));
		assertThat(error.getText()).isEqualTo("コメントは300文字以内で入力してください(現在301文字)。");
		assertThat(error.getDomAttribute("class")).isEqualTo("field-error");
		assertThat((Object) script(driver, "return arguments[0].previousElementSibling", error)).isEqualTo(body);
		assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(body.getDomAttribute("aria-describedby")).contains(errorId);
		assertThat(driver.switchTo().activeElement()).isEqualTo(body);
		assertThat(body.getDomProperty("value")).isEqualTo("長".repeat(301));

		driver.findElement(By.xpath("//form[@id='" + editField(anchor, null) + "']//button[.='やめる']")).click();
		assertThat(driver.findElements(By.id(editField(anchor, null)))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-edited"))).isEmpty();
		assertThat(driver.switchTo().activeElement()).isEqualTo(editButton(driver, anchor));
	}

	@Test
	void anAuthorTakesACommentBack() {
		WebDriver driver = browser.driver();
		String text = unique("削除するコメント");
		String anchor = post(driver, url(ARTICLE), null, text);

		// changing one's mind at the question keeps the comment
		withdrawButton(driver, anchor).click();
		assertThat(driver.switchTo().alert().getText()).isEqualTo("このコメントを削除しますか?元に戻せません。");
		driver.switchTo().alert().dismiss();
		assertThat(driver.findElement(By.cssSelector("#" + anchor + " .comment-body")).getText()).isEqualTo(text);

		withdrawButton(driver, anchor).click();
		driver.switchTo().alert().accept();
		By status = By.cssSelector("#" + anchor + " .comment-withdrawn");
		waitFor(driver).until(ExpectedConditions.textToBe(status, "コメントを削除しました。"));
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-body"))).isEmpty();
		assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(status));
		waitFor(driver)
			.until(ExpectedConditions.textToBe(By.cssSelector("#comments .comment-own-live"), "コメントを削除しました。"));
		assertThat(storedKey(driver, anchor)).isNull();

		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("comments")));
		assertThat(driver.findElements(By.id(anchor))).isEmpty();
		assertThat(driver.findElements(By.cssSelector(".comment-body")).stream().map(WebElement::getText))
			.doesNotContain(text);
	}

	@Test
	void onlyTheBrowserThatPostedACommentMayChangeIt() {
		WebDriver driver = browser.driver();
		String anchor = post(driver, url(ARTICLE), null, unique("この端末だけで編集できるコメント"));
		assertThat(driver.findElements(ownToolbar(anchor))).hasSize(1);

		WebDriver other = otherBrowser.driver();
		other.get(url(ARTICLE));
		// the first reader after the comment may get the page as it was, once; a reload
		// asks for it as it is now
		other.navigate().refresh();
		waitFor(other).until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
		assertThat(other.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();

		// another browser that makes up a key for it is refused by the server, and the
		// buttons go
		script(other, "localStorage.setItem(arguments[0], JSON.stringify({[arguments[1]]: "
				+ "{key: 'x'.repeat(43), until: Date.now() + 600000}}))", KEYS, anchor.replace("comment-", ""));
		other.navigate().refresh();
		editButton(other, anchor).click();
		waitFor(other).until(ExpectedConditions.visibilityOfElementLocated(By.id(editField(anchor, "body"))))
			.sendKeys("!");
		other.findElement(By.cssSelector("#" + editField(anchor, null) + " button[type=submit]")).click();
		By notice = By.cssSelector("#" + anchor + " .comment-own-notice");
		waitFor(other).until(ExpectedConditions.textToBe(notice, "このコメントを編集する権限がありません。投稿したブラウザから操作してください。"));
		assertThat(other.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();
		assertThat(other.switchTo().activeElement()).isEqualTo(other.findElement(notice));
		assertThat(storedKey(other, anchor)).isNull();

		// without its stored key, the author's browser has no buttons either
		script(driver, "localStorage.clear()");
		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-own"))).isEmpty();
	}

	@Test
	void theButtonsGoByThemselvesWhenTheTimeIsOver() {
		WebDriver driver = browser.driver();
		String anchor = post(driver, url(ARTICLE), null, unique("もうすぐ時間切れのコメント"));
		// as if the comment had been posted almost ten minutes ago
		script(driver, "var map = JSON.parse(localStorage.getItem(arguments[0]));"
				+ " map[arguments[1]].until = Date.now() + 5000; localStorage.setItem(arguments[0], JSON.stringify(map))",
				KEYS, anchor.replace("comment-", ""));
		driver.navigate().refresh();
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(ownToolbar(anchor)));
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#" + anchor + " .comment-own"), 0));
		assertThat(storedKey(driver, anchor)).isNull();
		assertThat(driver.findElements(By.cssSelector("#" + anchor + " .comment-body"))).hasSize(1);
	}

	@Test
	void aRefusedCommentShowsTheReasonNextToTheFieldWithoutLeavingThePage() {
		WebDriver driver = browser.driver();
		driver.get(url(ARTICLE));
		script(driver, "window.ownJourney = 'same page'");
		WebElement body = driver.findElement(By.id("comment-body"));
		// past the browser's own check, to the server's
		script(driver, "arguments[0].removeAttribute('required')", body);
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		WebElement error = waitFor(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comment-form #comment-body-error")));
		assertThat(error.getText()).isEqualTo("コメントを入力してください。");
		assertThat((Object) script(driver, "return arguments[0].previousElementSibling", error)).isEqualTo(body);
		assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(body.getDomAttribute("aria-describedby"))
			.isEqualTo("comment-body-error comment-body-counter-status");
		assertThat(driver.switchTo().activeElement()).isEqualTo(body);
		assertThat(script(driver, "return window.ownJourney")).isEqualTo("same page");
		assertThat(driver.findElement(By.cssSelector("#comment-form button[type=submit]")).isEnabled()).isTrue();

		// the next try's messages replace those of the one before
		body.sendKeys(unique("今度は本文あり"));
		WebElement nickname = driver.findElement(By.id("comment-nickname"));
		nickname.sendKeys("名".repeat(21));
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-nickname-error")));
		assertThat(driver.findElement(By.id("comment-nickname-error")).getText()).isEqualTo("ニックネームは20文字以内で入力してください。");
		assertThat(driver.findElements(By.id("comment-body-error"))).isEmpty();
		assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("false");
		assertThat(body.getDomAttribute("aria-describedby")).isEqualTo("comment-body-counter-status");
		assertThat(nickname.getDomAttribute("aria-describedby")).isEqualTo("comment-nickname-error");
		assertThat(driver.switchTo().activeElement()).isEqualTo(nickname);
		assertThat(script(driver, "return window.ownJourney")).isEqualTo("same page");
	}

	@Test
	void withoutAConnectionTheTextStaysAndTheReaderIsTold() {
		ChromeDriver driver = (ChromeDriver) browser.driver();
		driver.get(url(ARTICLE));
		script(driver, "window.ownJourney = 'same page'");
		String text = unique("つながらないときのコメント");
		driver.findElement(By.id("comment-body")).sendKeys(text);
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		driver.setNetworkConditions(offline);
		try {
			driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
			WebElement alert = waitFor(driver)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comment-form [role=alert]")));
			assertThat(alert.getText()).isEqualTo("接続できなかったため投稿できませんでした。もう一度お試しください。");
		}
		finally {
			driver.deleteNetworkConditions();
		}
		assertThat(driver.findElement(By.id("comment-body")).getDomProperty("value")).isEqualTo(text);
		assertThat(script(driver, "return window.ownJourney")).isEqualTo("same page");
		assertThat(driver.findElement(By.cssSelector("#comment-form button[type=submit]")).isEnabled()).isTrue();
	}

	@Test
	void aReplyOpenedInPlaceIsPostedTheSameWay() {
		WebDriver driver = browser.driver();
		String parent = post(driver, url(ARTICLE), null, unique("返信を受けるコメント"));
		String parentId = parent.replace("comment-", "");
		driver.findElement(By.cssSelector("#" + parent + " a[data-reply-to]")).click();
		WebElement reply = waitFor(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-body-reply-" + parentId)));
		String text = unique("その場で書いた返信");
		reply.sendKeys(text);
		driver.findElement(By.cssSelector("#reply-form-" + parentId + " button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.urlContains("thread=" + parentId + "&comment=posted"));
		String anchor = driver.getCurrentUrl().replaceAll(".*#", "");
		waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(ownToolbar(anchor)));
		assertThat(driver.findElement(By.cssSelector("#" + anchor + ".is-reply .comment-body")).getText())
			.isEqualTo(text);
		assertThat(driver.findElements(ownToolbar(parent))).hasSize(1);
	}

	/** Posts a comment with the page's form and returns its anchor, once it is shown. */
	static String post(WebDriver driver, String articleUrl, String nickname, String text) {
		driver.get(articleUrl);
		if (nickname != null) {
			driver.findElement(By.id("comment-nickname")).sendKeys(nickname);
		}
		driver.findElement(By.id("comment-body")).sendKeys(text);
		driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
		waitFor(driver).until(ExpectedConditions.urlContains("comment=posted"));
		String anchor = driver.getCurrentUrl().replaceAll(".*#", "");
		waitFor(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + anchor + " .comment-body")));
		return anchor;
	}

	static By ownToolbar(String anchor) {
		return By.cssSelector("#" + anchor + " > .comment-own");
	}

	static WebElement editButton(WebDriver driver, String anchor) {
		return waitFor(driver).until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("#" + anchor + " > .comment-own > button:nth-child(1)")));
	}

	static WebElement withdrawButton(WebDriver driver, String anchor) {
		return waitFor(driver).until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("#" + anchor + " > .comment-own > button:nth-child(2)")));
	}

	/** The id of the edit form of a comment, or of one of its fields. */
	static String editField(String anchor, String field) {
		String form = anchor.replace("comment-", "comment-edit-");
		return (field != null) ? form + "-" + field : form;
	}

	/** The key this browser keeps for a comment, or null. */
	static String storedKey(WebDriver driver, String anchor) {
		Object entry = script(driver, "var map = JSON.parse(localStorage.getItem(arguments[0]) || '{}');"
				+ " return map[arguments[1]] || null", KEYS, anchor.replace("comment-", ""));
		return (entry instanceof Map<?, ?> map) ? (String) map.get("key") : null;
	}

	static Object script(WebDriver driver, String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** Text no test posted before (the same text twice from one client is refused). */
	static String unique(String text) {
		return text + "(" + UUID.randomUUID().toString().substring(0, 8) + ")";
	}

	static WebDriverWait waitFor(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
