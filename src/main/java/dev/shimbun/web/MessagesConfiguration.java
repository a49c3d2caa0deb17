package dev.shimbun.web;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The site's messages ({@code spring.messages.*}), as Spring Boot would set them up, with
 * one difference: a message with arguments is formatted with a {@link MessageFormat} of
 * its own instead of one kept per message and locked while it formats. A page of comments
 * formats hundreds of such messages (a permalink, reaction counts); with one shared
 * format, the renderings of several pages at once queued on it, for up to 280 ms when its
 * holder lost its core (seen in {@code bench/churn.sh}).
 * {@code spring.messages.common-messages} is not supported.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageSourceProperties.class)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
			throw new IllegalStateException("spring.messages.common-messages is not supported");
		}
		UnsharedFormats messages = new UnsharedFormats();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			messages.setCacheMillis(cacheDuration.toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

	/**
	 * Messages from resource bundles, each message with arguments formatted by a new
	 * {@link MessageFormat}: parsing a short pattern costs about a microsecond, less than
	 * waiting for another thread's.
	 */
	static final class UnsharedFormats extends ResourceBundleMessageSource {

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			String message = resolveCodeWithoutArguments(code, locale);
			return (message != null) ? createMessageFormat(message, locale) : null;
		}

	}

}
