package dev.shimbun.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The one clock of the application, replaced in tests that move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Static files, each folder on its own path, with a content hash in their URLs
	 * ({@code site-<hash>.css}) and cached for a year. Not one mapping for {@code /**}
	 * (Boot's default, turned off with {@code spring.web.resources.add-mappings=false}):
	 * with that, every link a template writes, to an article as much as to a stylesheet,
	 * was looked up among the static files to be fingerprinted, which made rendering a
	 * page of fifty comments many times slower.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "images" }) {
			add(registry, "/" + folder + "/**", "classpath:/static/" + folder + "/");
		}
		add(registry, "/*.ico", "classpath:/static/");
		// the editor's ES modules, from their WebJars: the version is in the address
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true);
	}

	private static void add(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
