package dev.shimbun.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.shimbun.MutableClock;
import dev.shimbun.support.Instances;
import dev.shimbun.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers' conversation as two readers and a moderator live it, in three browsers, on
 * two instances of the application sharing one PostgreSQL database (as behind a load
 * balancer): one reader replies to a comment and reacts to another on instance A, the
 * other, reading on instance B, sees both arrive without reloading; sorting by 共感 puts
 * the reacted comment first; the first reader edits the reply within the window and
 * cannot after it; a moderator hides the parent and its reply disappears for readers.
 */
class ConversationJourneyBrowserTests {

	private static final String ARTICLE = "/articles/why-we-yawn";

	private static final String PASSWORD = "journey-test-password";

	@RegisterExtension
	static final BrowserSupport first = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport second = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport moderator = new BrowserSupport();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void startTwoInstances() throws Exception {
		String url = TestDatabases.newPostgresDatabase();
		Path data = Files.createTempDirectory("shimbun-conversation");
		a = start(url, data);
		b = start(url, data);
	}

	private static ConfigurableApplicationContext start(String url, Path data) {
		ConfigurableApplicationContext context = Instances.start(url, data, PASSWORD,
				new Class<?>[] { MutableClock.Config.class }, "--shimbun.comments.per-minute=100");
		// each instance's clock starts now and moves only when the test says
		context.getBean(MutableClock.class).set(Instant.now());
		return context;
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void twoReadersOnTwoInstancesConverseAndAModeratorHidesAThread() throws Exception {
		String parent = postOn(a, "あくびがうつるのは共感のしるしだと思う");
		String reacted = postOn(a, "眠いときだけうつる気がします");

		// the second reader reads on B and waits for news
		WebDriver reader = second.driver();
		reader.get(origin(b) + ARTICLE);
		wait(reader)
			.until((driver) -> js(driver, "return !!(window.shimbunComments && window.shimbunComments.liveStream"
					+ " && window.shimbunComments.liveStream.readyState === 1)"));
		js(reader, "window.sameDocument = 'never reloaded'");

		// the first reader, on A, replies in place and reacts to the other comment
		WebDriver writer = first.driver();
		writer.get(origin(a) + ARTICLE);
		writer.findElement(By.cssSelector("#" + parent + " a[data-reply-to]")).click();
		WebElement replyBody = wait(writer).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#reply-form-" + parent.replace("comment-", "") + " textarea")));
		assertThat(writer.switchTo().activeElement()).isEqualTo(replyBody);
		replyBody.sendKeys("わかります。会議中によくうつります");
		replyBody.submit();
		wait(writer).until(ExpectedConditions.urlContains("comment=posted"));
		String reply = writer.getCurrentUrl().replaceAll(".*#", "");
		assertThat(writer.findElement(By.cssSelector("#" + parent + " .comment-replies #" + reply + " .comment-body"))
			.getText()).isEqualTo("わかります。会議中によくうつります");
		writer.get(origin(a) + ARTICLE);
		By empathy = By.cssSelector("#" + reacted + " button[value=EMPATHY]");
		wait(writer).until(ExpectedConditions.attributeToBe(empathy, "aria-pressed", "false"));
		writer.findElement(empathy).click();
		wait(writer).until(ExpectedConditions.attributeToBe(empathy, "aria-pressed", "true"));

		// B shows the count at once and announces the reply, shown when the reader asks
		wait(reader).until(ExpectedConditions.attributeToBe(empathy, "aria-label", "共感した 1件"));
		By announcement = By.cssSelector("#comments .comments-live [role=status]");
		wait(reader).until(ExpectedConditions.textToBe(announcement, "新しいコメントが1件あります"));
		WebElement show = reader.findElement(By.cssSelector("#comments .comments-live-button"));
		assertThat(show.getText()).isEqualTo("新しいコメントを表示する(1件)");
		assertThat(reader.findElements(By.id(reply))).isEmpty();
		Accessibility.assertNoSeriousViolations(reader, "new comments announced");
		show.click();
		WebElement shown = reader.findElement(By.cssSelector("#" + parent + " .comment-replies #" + reply));
		assertThat(shown.findElement(By.cssSelector(".comment-body")).getText()).isEqualTo("わかります。会議中によくうつります");
		assertThat(reader.switchTo().activeElement()).isEqualTo(shown);
		assertThat(js(reader, "return window.sameDocument")).isEqualTo("never reloaded");
		assertThat(reader.findElement(By.id("comments-heading")).getText()).isEqualTo("コメント3");

		// sorting by 共感 puts the reacted comment first
		reader.findElement(By.cssSelector(".comment-order a[href*='corder=empathy']")).click();
		wait(reader).until(ExpectedConditions.urlContains("corder=empathy"));
		List<WebElement> ordered = reader.findElements(By.cssSelector("#comments > ol.comment-list > li.comment"));
		assertThat(ordered.get(0).getAttribute("id")).isEqualTo(reacted);

		// the first reader edits the reply within the window ...
		writer.get(origin(a) + ARTICLE + "?thread=" + parent.replace("comment-", ""));
		editOwn(writer, reply, "わかります。会議中にはよくうつります(訂正)");
		wait(writer).until(
				ExpectedConditions.textToBe(By.cssSelector("#" + reply + " .comment-body"), "わかります。会議中にはよくうつります(訂正)"));
		assertThat(writer.findElement(By.cssSelector("#" + reply + " .comment-edited")).getText()).isEqualTo("編集済み");

		// ... and not after it: the servers' clocks pass the ten minutes
		a.getBean(MutableClock.class).advance(Duration.ofMinutes(11));
		b.getBean(MutableClock.class).advance(Duration.ofMinutes(11));
		editOwn(writer, reply, "時間切れの書き直し");
		wait(writer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + reply),
				"投稿から時間がたったため、このコメントはもう編集・削除できません。"));
		reader.navigate().refresh();
		assertThat(reader.findElement(By.cssSelector("#" + reply + " .comment-body")).getText())
			.isEqualTo("わかります。会議中にはよくうつります(訂正)");

		// a moderator hides the parent on A; on B its reply goes with it
		reader.get(origin(b) + ARTICLE);
		wait(reader)
			.until((driver) -> js(driver, "return !!(window.shimbunComments && window.shimbunComments.liveStream"
					+ " && window.shimbunComments.liveStream.readyState === 1)"));
		WebDriver staff = BrowserSupport.signIn(moderator.driver(), origin(a), "chief", PASSWORD);
		staff.get(origin(a) + "/admin/comments?queue=all");
		staff
			.findElement(
					By.cssSelector("#moderation-" + parent.replace("comment-", "") + " button[formaction$='/hide']"))
			.click();
		wait(staff).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		wait(reader).until(ExpectedConditions.textToBePresentInElementLocated(By.id(parent), "このコメントは表示されなくなりました。"));
		assertThat(reader.findElements(By.id(reply))).isEmpty();
		reader.navigate().refresh();
		assertThat(reader.findElements(By.id(parent))).isEmpty();
		assertThat(reader.findElements(By.id(reply))).isEmpty();
		assertThat(reader.findElement(By.id("comments-heading")).getText()).isEqualTo("コメント1");
	}

	/** Opens the own-comment editor of a comment, types a new text and saves it. */
	private static void editOwn(WebDriver driver, String comment, String text) {
		WebElement edit = wait(driver).until(ExpectedConditions.elementToBeClickable(By.xpath("//li[@id='" + comment
				+ "']//p[contains(@class,'comment-own')]" + "//button[starts-with(normalize-space(.), '編集する')]")));
		edit.click();
		WebElement field = wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + comment + " form textarea")));
		field.clear();
		field.sendKeys(text);
		driver
			.findElement(By.xpath("//li[@id='" + comment + "']//form//button[starts-with(normalize-space(.), '保存する')]"))
			.click();
	}

	/**
	 * Posts a comment on an instance as a reader without JavaScript; returns its anchor.
	 */
	private static String postOn(ConfigurableApplicationContext instance, String body) throws Exception {
		HttpResponse<String> posted = http
			.send(HttpRequest.newBuilder(URI.create(origin(instance) + ARTICLE + "/comments"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", origin(instance))
				.POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(302);
		return posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");
	}

	private static String origin(ConfigurableApplicationContext instance) {
		return Instances.origin(instance);
	}

	private static Object js(WebDriver driver, String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

}
