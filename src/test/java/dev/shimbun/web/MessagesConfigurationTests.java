package dev.shimbun.web;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The site's messages: read from the configured bundles, and formatted without one thread
 * waiting for another's formatting of the same message.
 */
class MessagesConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(MessagesConfiguration.class)
		.withPropertyValues("spring.messages.basename=messages,i18n/comments",
				"spring.messages.fallback-to-system-locale=false");

	@Test
	void messagesComeFromTheConfiguredBundles() {
		this.context.run((context) -> {
			MessageSource messages = context.getBean("messageSource", MessageSource.class);
			assertThat(messages.getMessage("title.page", new Object[] { "見出し", "Shimbun" }, Locale.JAPANESE))
				.isEqualTo("見出し | Shimbun");
			assertThat(messages.getMessage("title.page", new Object[] { "別の見出し", "新聞" }, Locale.ENGLISH))
				.isEqualTo("別の見出し | 新聞");
			assertThat(messages.getMessage("comments.heading", new Object[] { 3 }, Locale.JAPANESE)).contains("3");
			assertThatExceptionOfType(NoSuchMessageException.class)
				.isThrownBy(() -> messages.getMessage("no.such.message", null, Locale.JAPANESE));
		});
	}

	@Test
	void aMessageFormattedOnOneThreadDoesNotHoldUpAnother() {
		this.context.run((context) -> {
			MessageSource messages = context.getBean("messageSource", MessageSource.class);
			CountDownLatch formatting = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			// an argument that is formatted only when the test lets it: its thread is in
			// the
			// middle of formatting title.page until then
			Object held = new Object() {
				@Override
				public String toString() {
					formatting.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return "待った見出し";
				}
			};
			CompletableFuture<String> first = CompletableFuture.supplyAsync(
					() -> messages.getMessage("title.page", new Object[] { held, "Shimbun" }, Locale.JAPANESE));
			try {
				assertThat(formatting.await(10, TimeUnit.SECONDS)).isTrue();
				CompletableFuture<String> second = CompletableFuture.supplyAsync(
						() -> messages.getMessage("title.page", new Object[] { "見出し", "Shimbun" }, Locale.JAPANESE));
				assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("見出し | Shimbun");
				assertThat(first).isNotDone();
			}
			finally {
				release.countDown();
			}
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("待った見出し | Shimbun");
		});
	}

}
