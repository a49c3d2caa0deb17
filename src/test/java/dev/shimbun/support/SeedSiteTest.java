package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A {@link SiteTest} over the seed content exactly as migrated, for tests of the pages
 * that compare them with the seed: classes here share one context and only read. Category
 * pages hold 3 articles, so that the seed's 8 news articles span 3 pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SiteTest
@TestPropertySource(properties = "shimbun.pages.category-page-size=3")
public @interface SeedSiteTest {

}
