package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A {@link SiteTest} for the staff accounts: created, changed, given new passwords and
 * signed in. Its first admin, {@value #ADMIN} (password {@value #ADMIN_PASSWORD}), stays
 * the only ADMIN, which the rule about the last admin needs; so these classes share a
 * context of their own, apart from classes that create other admins.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SiteTest
@TestPropertySource(properties = { "shimbun.admin.username=" + StaffTest.ADMIN,
		"shimbun.admin.password=" + StaffTest.ADMIN_PASSWORD })
public @interface StaffTest {

	/** The user name of the first admin, the only ADMIN. */
	String ADMIN = "boss";

	/** The password of the first admin. */
	String ADMIN_PASSWORD = "harbor-ledger-1234";

}
