package dev.shimbun.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The seeded EDD article as a keyboard user and a commenter see it. */
final class ArticlePage {

	static final String PATH = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	private final WebDriver driver;

	private ArticlePage(WebDriver driver) {
		this.driver = driver;
	}

	/**
	 * Loads the article and waits for the deferred comment-form script, which marks the
	 * textarea with {@code aria-invalid} once it is attached.
	 */
	static ArticlePage open(WebDriver driver, String baseUrl) {
		driver.get(baseUrl + PATH);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.id("comment-body")), "aria-invalid"));
		return new ArticlePage(driver);
	}

	ArticlePage pressTab() {
		return press(Keys.TAB);
	}

	ArticlePage pressEnter() {
		return press(Keys.ENTER);
	}

	private ArticlePage press(Keys key) {
		new Actions(this.driver).sendKeys(key).perform();
		return this;
	}

	WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	boolean focusIsInside(WebElement container) {
		return (Boolean) script(
				"return arguments[0] !== document.activeElement" + " && arguments[0].contains(document.activeElement)",
				container);
	}

	WebElement element(String id) {
		return this.driver.findElement(By.id(id));
	}

	/** Types into the comment body as a user would (BMP characters only). */
	ArticlePage type(String text) {
		commentBody().sendKeys(text);
		return this;
	}

	/**
	 * Replaces the comment body as an input method would, for text sendKeys cannot type.
	 */
	ArticlePage enter(String text) {
		script("arguments[0].value = arguments[1];"
				+ " arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", commentBody(), text);
		return this;
	}

	String commentText() {
		return commentBody().getDomProperty("value");
	}

	String remaining() {
		return counter().getText();
	}

	boolean counterIsOver() {
		return counter().findElement(By.xpath("..")).getDomAttribute("class").contains("is-over");
	}

	private WebElement commentBody() {
		return element("comment-body");
	}

	private WebElement counter() {
		return element("comment-body-counter");
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

}
