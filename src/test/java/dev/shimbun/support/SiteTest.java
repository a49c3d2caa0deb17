package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shimbun.MutableClock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application through MockMvc, on its own in-memory database (PostgreSQL in the
 * second run), migrated and seeded. Scheduled jobs are off, the clock is a
 * {@link MutableClock} that starts at 2026-01-15T03:00:00Z and moves only when a test
 * moves it, and the first admin is {@value #ADMIN} with the password
 * {@value #ADMIN_PASSWORD}.
 * <p>
 * Classes with nothing more than this share one context: they add the rows they need (see
 * the builders in this package) and do not count on rows others might add. A class that
 * changes what others read adds {@link OwnContext}; a class that needs other properties
 * adds a {@code @TestPropertySource}, which gives it a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = { "shimbun.scheduling.enabled=false", "shimbun.admin.username=" + SiteTest.ADMIN,
		"shimbun.admin.password=" + SiteTest.ADMIN_PASSWORD })
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
public @interface SiteTest {

	/** The user name of the first admin. */
	String ADMIN = "chief";

	/** The password of the first admin. */
	String ADMIN_PASSWORD = "correct-horse-battery";

}
