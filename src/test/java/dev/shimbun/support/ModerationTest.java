package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A {@link SiteTest} for comment moderation: readers post and report many comments from
 * one address, so the comment rate limits are lifted (1000 a minute, 10000 a day).
 * Classes here share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SiteTest
@TestPropertySource(properties = { "shimbun.comments.per-minute=1000", "shimbun.comments.per-day=10000" })
public @interface ModerationTest {

}
