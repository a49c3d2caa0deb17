package dev.shimbun.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * JUnit extension that starts a headless Chromium, driven by a local chromedriver, before
 * the first test of a class and quits it after the last. Both binaries are given
 * explicitly, so Selenium Manager never looks for (or downloads) anything. Without them
 * each test is skipped (so that the reason shows in the test report), unless
 * {@code CI=true}, where it fails.
 */
final class BrowserSupport implements BeforeEachCallback, AfterAllCallback {

	private static final String INSTALL_HINT = "install it with `apt-get install chromium chromium-driver`";

	private final boolean javascript;

	private WebDriver driver;

	/** A browser with JavaScript on. */
	BrowserSupport() {
		this(true);
	}

	/** A browser with JavaScript on or off (to try what works without it). */
	BrowserSupport(boolean javascript) {
		this.javascript = javascript;
	}

	private Path userDataDir;

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Signs the browser in to the staff pages of the site at {@code origin}, unless it is
	 * signed in already.
	 */
	static WebDriver signIn(WebDriver driver, String origin, String username, String password) {
		driver.get(origin + "/admin");
		if (driver.getCurrentUrl().contains("/admin/login")) {
			driver.findElement(By.id("username")).sendKeys(username);
			driver.findElement(By.id("password")).sendKeys(password);
			driver.findElement(By.cssSelector("button[type=submit]")).click();
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
		}
		return driver;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		if (this.driver == null) {
			start();
		}
	}

	private void start() throws IOException {
		Path chromium = binary("CHROMIUM_BIN", "/usr/bin/chromium", "Chromium");
		Path chromedriver = binary("CHROMEDRIVER_BIN", "/usr/bin/chromedriver", "chromedriver");
		this.userDataDir = Files.createTempDirectory("shimbun-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.userDataDir, "--window-size=1280,1024");
		if (!this.javascript) {
			options.setExperimentalOption("prefs",
					java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			if (this.userDataDir != null) {
				FileSystemUtils.deleteRecursively(this.userDataDir);
			}
		}
	}

	private static Path binary(String variable, String defaultPath, String name) {
		String configured = System.getenv(variable);
		Path path = Path.of((configured != null && !configured.isBlank()) ? configured : defaultPath);
		if (!Files.isExecutable(path)) {
			String message = name + " not found at " + path + " (set " + variable + " to its path, or " + INSTALL_HINT
					+ ")";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail("Browser tests must run on CI (CI=true), but " + message);
			}
			Assumptions.abort("Skipping browser tests: " + message);
		}
		return path;
	}

}
