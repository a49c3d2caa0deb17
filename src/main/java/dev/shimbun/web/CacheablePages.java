package dev.shimbun.web;

import dev.shimbun.category.CategoryPaths;
import dev.shimbun.pagecache.CacheablePage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pages composed here that the page cache keeps: the front page and category pages.
 */
@Configuration(proxyBeanMethods = false)
class CacheablePages {

	@Bean
	CacheablePage frontPage() {
		return CacheablePage.of("/"::equals);
	}

	/** A category page, one for each page of its articles. */
	@Bean
	CacheablePage categoryPage() {
		return CacheablePage.of((path) -> CategoryPaths.slug(path).isPresent(), "page");
	}

}
