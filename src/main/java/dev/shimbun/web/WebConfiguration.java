package dev.shimbun.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** The one clock of the application, replaced in tests that move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
