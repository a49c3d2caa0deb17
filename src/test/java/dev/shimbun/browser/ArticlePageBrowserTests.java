package dev.shimbun.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page in a real browser: keyboard navigation, comment counter, axe-core. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArticlePageBrowserTests {

	private static final List<String> SKIP_LINKS = List.of("メインメニューへスキップ(上段)", "メインコンテンツへスキップ", "メインメニューへスキップ(下段)");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	private int port;

	@Test
	void tabFromPageLoadReachesSkipLinksInOrder() {
		ArticlePage page = open();
		for (String text : SKIP_LINKS) {
			assertThat(page.pressTab().focused().getText()).isEqualTo(text);
		}
	}

	@ParameterizedTest
	@CsvSource({ "1, main-menu-top", "2, main-content", "3, main-menu-bottom" })
	void enterOnSkipLinkMovesFocusToItsTarget(int tabs, String target) {
		ArticlePage page = open();
		for (int i = 0; i < tabs; i++) {
			page.pressTab();
		}
		assertThat(page.focused().getDomAttribute("href")).isEqualTo("#" + target);
		WebElement targetElement = page.element(target);
		assertThat(page.pressEnter().focused()).isEqualTo(targetElement);
		WebElement next = page.pressTab().focused();
		assertThat(next.getTagName()).isEqualTo("a");
		assertThat(page.focusIsInside(targetElement)).as("focus after Tab is inside #%s", target).isTrue();
	}

	@Test
	void commentCounterCountsTypedCharacters() {
		ArticlePage page = open();
		assertThat(page.remaining()).isEqualTo("300");
		page.type("こんにちは、世界です");
		assertThat(page.remaining()).isEqualTo("290");
	}

	@Test
	void commentCounterCountsEmojiSequencesAsOneCharacterEach() {
		ArticlePage page = open();
		page.enter("👍🏽");
		assertThat(page.remaining()).isEqualTo("299");
		page.enter("👍🏽🇯🇵");
		assertThat(page.remaining()).isEqualTo("298");
	}

	@Test
	void commentCounterWarnsPastTheLimitWithoutCuttingTheText() {
		ArticlePage page = open();
		String text = "あ".repeat(305);
		page.type(text);
		assertThat(page.remaining()).isEqualTo("-5");
		assertThat(page.counterIsOver()).isTrue();
		assertThat(page.commentText()).isEqualTo(text);
	}

	@Test
	void printingShowsTheArticleWithoutMenusSidebarsOrTheCommentForm() {
		open();
		org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
		try {
			for (String hidden : List.of(".sidebars", "#comment-form", "#main-menu-top", ".share", ".skip-links")) {
				assertThat(display(hidden)).as(hidden).isEqualTo("none");
			}
			assertThat(display("#article-headline")).isNotEqualTo("none");
			assertThat(display(".article-body")).isNotEqualTo("none");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
		}
	}

	private String display(String selector) {
		return browser.driver().findElement(org.openqa.selenium.By.cssSelector(selector)).getCssValue("display");
	}

	@Test
	void copyLinkAppearsWithJavaScript() {
		open();
		assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector("button[data-copy]")).isDisplayed())
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", ArticlePage.PATH, "/categories/news", "/articles/does-not-exist", "/search?q=核兵" })
	void pageHasNoSeriousAccessibilityViolations(String path) {
		browser.driver().get(baseUrl() + path);
		Accessibility.assertNoSeriousViolations(browser.driver(), path);
	}

	private ArticlePage open() {
		return ArticlePage.open(browser.driver(), baseUrl());
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
