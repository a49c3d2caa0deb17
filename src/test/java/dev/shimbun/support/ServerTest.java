package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application in a real Jetty on a random port ({@code @LocalServerPort}), for
 * what MockMvc does not show: raw requests, the container's own error handling,
 * concurrent requests on real connections. Scheduled jobs are off, the clock is the
 * system's, the first admin is {@value #ADMIN} with the password
 * {@value #ADMIN_PASSWORD}, and the comment rate limits are lifted (100000 a minute and a
 * day), as every request comes from 127.0.0.1.
 * <p>
 * Classes with nothing more than this share one context; one that changes what others
 * read adds {@link OwnContext}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.scheduling.enabled=false", "shimbun.admin.username=" + ServerTest.ADMIN,
				"shimbun.admin.password=" + ServerTest.ADMIN_PASSWORD, "shimbun.comments.per-minute=100000",
				"shimbun.comments.per-day=100000" })
public @interface ServerTest {

	/** The user name of the first admin. */
	String ADMIN = "chief";

	/** The password of the first admin. */
	String ADMIN_PASSWORD = "correct-horse-battery";

}
