package dev.shimbun.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article body editor (static/js/body-editor.js) in a real browser: an editor writes
 * every kind of block with the keyboard, without the page reloading; the tab crashes half
 * way and the draft is recovered; pasted text and pasted or dropped images are taken in;
 * published, the article shows them on its page, in the feed and in search, and the EDD
 * article is unchanged; the editor and its dialogs pass axe-core.
 */
@ServerTest
@OwnContext
class BodyEditorBrowserTests {

	private static final By TEXT = By.cssSelector("#body-editor .be-content");

	private static final By LIVE = By.cssSelector("#body-editor > [role=status]");

	private static final By OPEN_DIALOG = By.cssSelector("dialog[open]");

	private static final By HANDLE = By.cssSelector("#body-editor .be-handle");

	private static final String BLOCK_FIELDS = "return Array.from(document.querySelectorAll('#body-fields input'))"
			+ ".filter((input) => /\\.(kind|text|source|url)$/.test(input.name))"
			+ ".map((input) => input.name + '=' + input.value)";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path files;

	@Test
	void aNewEditorWritesEveryKindWithoutAReloadRecoversTheDraftAfterACrashAndPublishesIt() throws IOException {
		WebDriver driver = signedIn();
		driver.get(url("/admin/articles/new"));
		waitForEditor(driver);
		assertThat(driver.findElements(By.cssSelector("ol.block-editor, .no-js-actions"))).as("no-JS fields removed")
			.isEmpty();
		driver.findElement(By.id("headline")).sendKeys("本文エディターで書いた記事");
		new Select(driver.findElement(By.id("categoryId"))).selectByIndex(1);
		new Select(driver.findElement(By.id("authorId"))).selectByIndex(1);
		script(driver, "window.bodyEditorJourney = 'same page'");

		driver.findElement(TEXT).sendKeys("リードの段落です。");
		press(driver, Keys.ENTER);
		type(driver, "小見出しの行");
		toolbar(driver, "小見出し");
		assertThat(driver.findElement(TEXT).findElement(By.tagName("h2")).getText()).isEqualTo("小見出しの行");
		assertThat(button(driver, "小見出し").getAttribute("aria-pressed")).isEqualTo("true");
		press(driver, Keys.ENTER);

		type(driver, "引用する言葉");
		toolbar(driver, "引用");
		press(driver, Keys.ENTER);
		// Enter in an empty last line of a quote goes to its source, Enter there leaves
		// it
		press(driver, Keys.ENTER);
		type(driver, "外務省");
		press(driver, Keys.ENTER);

		type(driver, "項目その一");
		toolbar(driver, "箇条書き");
		press(driver, Keys.ENTER);
		type(driver, "項目その二");
		press(driver, Keys.ENTER);
		press(driver, Keys.ENTER);

		type(driver, "公式の資料");
		selectBackwards(driver, "資料");
		chord(driver, "k", Keys.CONTROL);
		WebElement dialog = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
		assertThat(driver.switchTo().activeElement().getAttribute("id"))
			.isEqualTo(dialog.findElement(By.cssSelector("input[inputmode=url]")).getAttribute("id"));
		type(driver, "javascript:alert(1)");
		press(driver, Keys.ENTER);
		assertThat(dialog.findElement(By.cssSelector(".be-field-error")).getText())
			.isEqualTo("http(s)://、mailto: または / で始まるアドレスを入力してください");
		chord(driver, "a", Keys.CONTROL);
		type(driver, "https://example.jp/docs");
		press(driver, Keys.TAB);
		press(driver, Keys.SPACE);
		press(driver, Keys.ENTER);
		wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(OPEN_DIALOG));
		assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("be-content");
		press(driver, Keys.ARROW_RIGHT);
		settle(driver);
		press(driver, Keys.ENTER);

		type(driver, "常用漢字");
		selectBackwards(driver, "漢字");
		chord(driver, "r", Keys.CONTROL, Keys.SHIFT);
		dialog = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
		assertThat(dialog.findElement(By.tagName("input")).getDomProperty("value")).isEqualTo("漢字");
		type(driver, "かんじ");
		press(driver, Keys.ENTER);
		wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(OPEN_DIALOG));
		assertThat(driver.findElement(TEXT).findElement(By.cssSelector("ruby rt")).getText()).isEqualTo("かんじ");

		chord(driver, Keys.ARROW_UP, Keys.ALT, Keys.SHIFT);
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(LIVE, "ブロックを5番目に移動しました（全6ブロック）"));

		driver.findElement(By.cssSelector("#body-editor input[type=file]")).sendKeys(image("red.png").toString());
		wait(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#body-editor .be-figure img[src]")));
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(LIVE, "画像を挿入しました"));
		// the figure's fields come next in the tab order
		press(driver, Keys.TAB);
		assertThat(driver.switchTo().activeElement().getAttribute("id"))
			.isEqualTo(driver.findElement(By.xpath("//label[text()='代替テキスト']")).getAttribute("for"));
		chord(driver, "a", Keys.CONTROL);
		type(driver, "赤い四角");

		assertThat(script(driver, "return window.bodyEditorJourney")).as("no page load").isEqualTo("same page");
		assertThat(fields(driver)).containsExactly("blocks[0].kind=PARAGRAPH", "blocks[0].text=リードの段落です。",
				"blocks[1].kind=HEADING", "blocks[1].text=小見出しの行", "blocks[2].kind=QUOTE", "blocks[2].text=引用する言葉",
				"blocks[2].source=外務省", "blocks[3].kind=BULLETED_LIST", "blocks[3].text=項目その一\n項目その二",
				"blocks[4].kind=PARAGRAPH", "blocks[4].text=常用{漢字|かんじ}", "blocks[5].kind=FIGURE",
				"blocks[6].kind=PARAGRAPH", "blocks[6].text=公式の[資料](https://example.jp/docs nofollow)");
		assertThat(driver.findElement(By.name("blocks[5].altText")).getDomProperty("value")).isEqualTo("赤い四角");
		List<String> written = fields(driver);

		// half way, the tab crashes; the draft was autosaved while typing
		new WebDriverWait(driver, Duration.ofSeconds(30)).until((d) -> autosaved("赤い四角"));
		String crashed = driver.getWindowHandle();
		driver.switchTo().newWindow(WindowType.TAB);
		String fresh = driver.getWindowHandle();
		driver.switchTo().window(crashed);
		try {
			((HasCdp) driver).executeCdpCommand("Page.crash", Map.of());
		}
		catch (WebDriverException ex) {
			assertThat(ex.getMessage()).contains("crashed");
		}
		driver.switchTo().window(fresh);
		driver.get(url("/admin/articles/new"));
		driver.findElement(By.id("draft-restore")).click();
		waitForEditor(driver);
		assertThat(fields(driver)).as("the recovered draft").isEqualTo(written);
		assertThat(driver.findElement(By.id("headline")).getDomProperty("value")).isEqualTo("本文エディターで書いた記事");
		assertThat(driver.findElement(By.name("blocks[5].altText")).getDomProperty("value")).isEqualTo("赤い四角");

		String edd = articleBody(EDD);
		new Select(driver.findElement(By.id("status"))).selectByValue("PUBLISHED");
		driver.findElement(By.cssSelector("button[value=save]")).click();
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "記事を作成しました"));
		waitForEditor(driver);
		assertThat(fields(driver)).as("the saved body, read back by the editor").isEqualTo(written);
		assertThat(driver.findElements(By.id("draft-offer"))).as("the draft ends with the save").isEmpty();

		driver.findElement(By.linkText("公開ページを見る")).click();
		String path = driver.getCurrentUrl().substring(url("").length());
		assertThat(fetch("/feed.atom")).contains("本文エディターで書いた記事");
		driver.get(url("/search?q=" + java.net.URLEncoder.encode("項目その二", java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(driver.findElements(By.cssSelector(".search-results .summary-headline")))
			.extracting((link) -> link.getAttribute("href"))
			.contains(url(path));
		assertThat(articleBody(EDD)).as("the EDD article is unchanged").isEqualTo(edd);
		driver.get(url(path));
		WebElement body = driver.findElement(By.cssSelector(".article-body"));
		assertThat(body.findElement(By.tagName("h2")).getText()).isEqualTo("小見出しの行");
		assertThat(body.findElement(By.cssSelector("blockquote p")).getText()).isEqualTo("引用する言葉");
		assertThat(body.findElement(By.cssSelector("figure.quote cite")).getText()).isEqualTo("外務省");
		assertThat(body.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
			.containsExactly("項目その一", "項目その二");
		WebElement link = body.findElement(By.cssSelector("a[href='https://example.jp/docs']"));
		assertThat(link.getText()).isEqualTo("資料");
		assertThat(link.getAttribute("rel")).contains("nofollow");
		assertThat(body.findElement(By.cssSelector("ruby")).getText()).startsWith("漢字");
		assertThat(body.findElement(By.cssSelector("ruby rt")).getAttribute("textContent")).isEqualTo("かんじ");
		WebElement figure = body.findElement(By.cssSelector("figure.figure img"));
		assertThat(figure.getAttribute("src")).contains("/media/");
		assertThat(figure.getAttribute("alt")).isEqualTo("赤い四角");
		// the paragraph moved up with Alt+Shift+↑ comes before the figure and the link
		List<WebElement> order = body.findElements(By.xpath("./p[ruby] | ./figure[img] | ./p[a]"));
		assertThat(order).extracting(WebElement::getTagName).containsExactly("p", "figure", "p");
		assertThat(order.get(0).findElements(By.tagName("ruby"))).hasSize(1);
		assertThat(order.get(2).findElements(By.tagName("a"))).hasSize(1);
	}

	@Test
	void pastedTextBecomesParagraphsAndPastedOrDroppedImagesBecomeUploadedFigures() {
		WebDriver driver = signedIn();
		driver.get(url("/admin/articles/new"));
		waitForEditor(driver);
		int media = this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM media_item", Integer.class);
		driver.findElement(TEXT).click();
		script(driver, """
				const data = new DataTransfer();
				data.setData('text/plain', '一行目の文。\\n\\n二行目の文。\\r\\n三行目の文。');
				document.querySelector('#body-editor .be-content').dispatchEvent(
					new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
				""");
		assertThat(fields(driver)).containsExactly("blocks[0].kind=PARAGRAPH", "blocks[0].text=一行目の文。",
				"blocks[1].kind=PARAGRAPH", "blocks[1].text=二行目の文。", "blocks[2].kind=PARAGRAPH",
				"blocks[2].text=三行目の文。");

		((JavascriptExecutor) driver).executeAsyncScript(IMAGE_EVENT, "paste");
		wait(driver)
			.until((d) -> d.findElements(By.cssSelector("#body-editor .be-figure img[src*='/media/']")).size() == 1);
		((JavascriptExecutor) driver).executeAsyncScript(IMAGE_EVENT, "drop");
		wait(driver)
			.until((d) -> d.findElements(By.cssSelector("#body-editor .be-figure img[src*='/media/']")).size() == 2);
		assertThat(fields(driver)).filteredOn((field) -> field.endsWith("=FIGURE")).hasSize(2);
		assertThat(this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM media_item", Integer.class))
			.as("both went through the media pipeline")
			.isEqualTo(media + 2);
	}

	/** A small PNG drawn in the page, pasted into or dropped on the editor. */
	private static final String IMAGE_EVENT = """
			const [kind, done] = arguments;
			const canvas = document.createElement('canvas');
			canvas.width = 40;
			canvas.height = 30;
			const context = canvas.getContext('2d');
			context.fillStyle = '#2040b0';
			context.fillRect(0, 0, 40, 30);
			canvas.toBlob((blob) => {
				const data = new DataTransfer();
				data.items.add(new File([blob], kind + '.png', { type: 'image/png' }));
				const target = document.querySelector('#body-editor .be-content');
				const box = target.getBoundingClientRect();
				const event = kind === 'paste'
					? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
					: new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true,
						clientX: box.left + 10, clientY: box.bottom - 5 });
				target.dispatchEvent(event);
				done(true);
			}, 'image/png');
			""";

	@Test
	void aBlockIsDraggedByItsHandleToANewPlaceAndTheMoveIsAnnounced() {
		WebDriver driver = signedIn();
		driver.get(url("/admin/articles/new"));
		waitForEditor(driver);
		driver.findElement(TEXT).sendKeys("あ");
		press(driver, Keys.ENTER);
		type(driver, "い");
		press(driver, Keys.ENTER);
		type(driver, "う");
		wait(driver).until((d) -> fields(d).size() == 6);
		List<WebElement> paragraphs = driver.findElement(TEXT).findElements(By.xpath("./p"));
		assertThat(paragraphs).extracting(WebElement::getText).containsExactly("あ", "い", "う");

		// the handle shows beside the block under the mouse
		new Actions(driver).moveToElement(paragraphs.get(2)).perform();
		WebElement handle = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(HANDLE));
		wait(driver).until((d) -> Math.abs(handle.getRect().getY() - paragraphs.get(2).getRect().getY()) <= 2);
		assertThat(handle.getAttribute("draggable")).isEqualTo("true");
		assertThat(handle.getAttribute("aria-hidden")).isEqualTo("true");
		assertThat(handle.getAttribute("title")).isEqualTo("ドラッグして移動");
		assertThat(handle.getAttribute("tabindex")).isNull();
		assertThat(handle.getRect().getWidth()).isGreaterThanOrEqualTo(24);
		assertThat(handle.getRect().getHeight()).isGreaterThanOrEqualTo(24);

		// WebDriver's actions do not drag and drop natively: the page gets the events
		Object dragged = script(driver, DRAG_BLOCK, handle, paragraphs.get(0));
		assertThat(dragged).as("the dragged text").isEqualTo("う");
		wait(driver).until((d) -> fields(d).equals(List.of("blocks[0].kind=PARAGRAPH", "blocks[0].text=う",
				"blocks[1].kind=PARAGRAPH", "blocks[1].text=あ", "blocks[2].kind=PARAGRAPH", "blocks[2].text=い")));
		wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(LIVE, "ブロックを1番目に移動しました（全3ブロック）"));
		assertThat(driver.findElement(TEXT).findElement(By.cssSelector(".ProseMirror-selectednode")).getText())
			.isEqualTo("う");
		assertThat(driver.findElements(By.cssSelector("#body-editor .be-content .be-handle")))
			.as("the handle is not part of the text")
			.isEmpty();
		assertNoViolations(driver, "#body-editor");
	}

	/**
	 * Drags the handle (the first argument) to the top of a block (the second) with one
	 * DataTransfer: dragstart, dragover, drop and dragend; returns the dragged text.
	 */
	private static final String DRAG_BLOCK = """
			const [handle, target] = arguments;
			const data = new DataTransfer();
			const box = target.getBoundingClientRect();
			const at = { bubbles: true, cancelable: true, dataTransfer: data,
				clientX: box.left + 2, clientY: box.top + 2 };
			handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: data }));
			target.dispatchEvent(new DragEvent('dragover', at));
			target.dispatchEvent(new DragEvent('drop', at));
			handle.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
			return data.getData('text/plain');
			""";

	@Test
	void relatedArticlesAndEmbedsAreChosenInDialogsAndAFailedUploadSaysWhy() throws IOException {
		WebDriver driver = signedIn();
		driver.get(url("/admin/articles/new"));
		waitForEditor(driver);
		driver.findElement(TEXT).sendKeys("関連と埋め込み");

		toolbar(driver, "関連記事");
		WebElement dialog = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
		type(driver, "バークスデール");
		WebElement result = wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] .be-result")));
		String headline = result.findElement(By.cssSelector(".be-result-headline")).getText();
		String path = result.findElement(By.cssSelector(".be-result-path")).getText();
		press(driver, Keys.ARROW_DOWN);
		assertThat(driver.switchTo().activeElement()).isEqualTo(result);
		press(driver, Keys.ENTER);
		wait(driver).until(ExpectedConditions.invisibilityOf(dialog));
		assertThat(driver.findElement(By.cssSelector("#body-editor .be-related")).getText())
			.contains("関連記事: " + headline);

		toolbar(driver, "埋め込み");
		wait(driver).until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
		type(driver, "https://www.youtube.com/watch?v=abc123");
		press(driver, Keys.TAB);
		type(driver, "会見の動画");
		press(driver, Keys.ENTER);
		wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(OPEN_DIALOG));
		assertThat(driver.findElement(By.cssSelector("#body-editor .be-embed")).getText()).contains("youtube.com")
			.contains("会見の動画");
		assertThat(fields(driver)).contains("blocks[1].kind=RELATED", "blocks[1].url=" + path, "blocks[2].kind=EMBED",
				"blocks[2].url=https://www.youtube.com/watch?v=abc123", "blocks[2].text=会見の動画");

		Path notAnImage = this.files.resolve("broken.png");
		Files.writeString(notAnImage, "これは画像ではありません");
		driver.findElement(By.cssSelector("#body-editor input[type=file]")).sendKeys(notAnImage.toString());
		WebElement error = wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#body-editor .be-error")));
		assertThat(error.getText()).isNotBlank().doesNotContain("画像をアップロードしています");
		assertThat(driver.findElement(LIVE).getText()).isEqualTo(error.getText());
		assertThat(driver.findElements(By.cssSelector("#body-editor .be-figure, #body-editor .be-upload-placeholder")))
			.isEmpty();
	}

	@Test
	void editorAndItsDialogsHaveNoAccessibilityViolations() {
		WebDriver driver = signedIn();
		driver.get(url("/admin/articles/1/edit"));
		waitForEditor(driver);
		WebElement text = driver.findElement(TEXT);
		assertThat(text.getAttribute("role")).isEqualTo("textbox");
		assertThat(text.getAttribute("aria-multiline")).isEqualTo("true");
		assertThat(text.getAttribute("aria-label")).isEqualTo("本文");
		Accessibility.assertNoSeriousViolations(driver, "/admin/articles/1/edit with the editor");
		assertNoViolations(driver, "#body-editor");

		driver.findElement(TEXT).findElement(By.xpath("./p")).click();
		chord(driver, "k", Keys.CONTROL);
		wait(driver).until(ExpectedConditions.visibilityOfElementLocated(OPEN_DIALOG));
		Accessibility.assertNoSeriousViolations(driver, "the link dialog");
		assertNoViolations(driver, "dialog[open]");
		press(driver, Keys.ESCAPE);
		wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(OPEN_DIALOG));
		assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("be-content");
	}

	/** Every axe-core violation (of any impact) inside the element. */
	private static void assertNoViolations(WebDriver driver, String selector) {
		Results results = new AxeBuilder().withTags(Accessibility.WCAG_TAGS).include(selector).analyze(driver);
		assertThat(results.isErrored()).as(results::getErrorMessage).isFalse();
		assertThat(results.getViolations()).extracting((rule) -> rule.getId() + ": " + rule.getHelp())
			.as(selector)
			.isEmpty();
	}

	/** Shift+Tab from the text to the toolbar, arrows to the button, Enter. */
	private static void toolbar(WebDriver driver, String label) {
		chord(driver, Keys.TAB, Keys.SHIFT);
		for (int i = 0; i < 30 && !label.equals(driver.switchTo().activeElement().getText()); i++) {
			press(driver, Keys.ARROW_RIGHT);
		}
		assertThat(driver.switchTo().activeElement().getText()).isEqualTo(label);
		press(driver, Keys.ENTER);
	}

	private static WebElement button(WebDriver driver, String label) {
		return driver.findElement(By.xpath("//div[@role='toolbar']//button[text()='" + label + "']"));
	}

	/** Shift+Left over the words just typed, until the selection is exactly them. */
	private static void selectBackwards(WebDriver driver, String words) {
		for (int i = 0; i < words.length(); i++) {
			chord(driver, Keys.ARROW_LEFT, Keys.SHIFT);
		}
		wait(driver).until((d) -> words.equals(script(d, "return window.getSelection().toString()")));
		settle(driver);
	}

	/**
	 * Waits for the page to handle the events queued so far: the editor learns of a caret
	 * moved by the browser from a {@code selectionchange} event, which the browser may
	 * queue behind the next key that WebDriver sends at once.
	 */
	private static void settle(WebDriver driver) {
		((JavascriptExecutor) driver)
			.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => setTimeout(done, 0))");
	}

	/** A key pressed while the modifiers are held down. */
	private static void chord(WebDriver driver, CharSequence key, Keys... modifiers) {
		Actions actions = new Actions(driver);
		for (Keys modifier : modifiers) {
			actions.keyDown(modifier);
		}
		actions.sendKeys(key);
		for (Keys modifier : modifiers) {
			actions.keyUp(modifier);
		}
		actions.perform();
	}

	private static void type(WebDriver driver, String text) {
		new Actions(driver).sendKeys(text).perform();
	}

	private static void press(WebDriver driver, CharSequence keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(WebDriver driver) {
		return (List<String>) script(driver, BLOCK_FIELDS);
	}

	private static Object script(WebDriver driver, String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private static void waitForEditor(WebDriver driver) {
		wait(driver).until(ExpectedConditions.attributeToBe(By.id("body-editor"), "data-ready", "true"));
	}

	private Path image(String name) throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xB0, 0x20, 0x20));
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		Path file = this.files.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static final String EDD = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private boolean autosaved(String text) {
		return this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM article_autosave WHERE draft_key = 'new' AND form_json LIKE ?",
					Integer.class, "%" + text + "%") > 0;
	}

	private String fetch(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String articleBody(String path) {
		return Jsoup.parse(fetch(path)).selectFirst(".article-body").outerHtml();
	}

	private WebDriver signedIn() {
		return BrowserSupport.signIn(browser.driver(), url(""), ServerTest.ADMIN, ServerTest.ADMIN_PASSWORD);
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
