package dev.shimbun.security;

import java.time.Clock;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first-admin password that cannot be used (33 kana: 99 bytes, over bcrypt's 72) does
 * not stop start-up: an ERROR line says what to fix, and no account is created. The first
 * admin's configuration is what is tested, so it is set here rather than taken from a
 * shared test context.
 */
@SpringBootTest(properties = { "shimbun.admin.username=desk",
		"shimbun.admin.password=しんぶんしゃのかんりしゃのためのとてもながいひみつのあいことばです", "shimbun.scheduling.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminPasswordTests {

	/** 24 kana, 72 bytes in UTF-8: as long as bcrypt reads. */
	private static final String KANA_72_BYTES = "あいうえおかきくけこさしすせそたちつてとなにぬね";

	@Autowired
	private StaffUserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private AuditService audit;

	@Autowired
	private Clock clock;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void aFirstAdminPasswordOver72BytesIsLoggedAsAnErrorAndCreatesNoAccount(CapturedOutput output) {
		assertThat(output.getAll()).contains("ERROR")
			.contains("No admin account was created: SHIMBUN_ADMIN_PASSWORD (shimbun.admin.password) cannot be used, "
					+ "it is 99 bytes long in UTF-8, and bcrypt takes at most 72")
			.contains("Set a password of 12 to 72 bytes");
		assertThat(this.users.count()).isZero();
	}

	@Test
	void aFirstAdminPasswordUnder12CharactersIsLoggedAsAnErrorAndCreatesNoAccount(CapturedOutput output) {
		initializer(Map.of("shimbun.admin.password", "short")).run(null);
		assertThat(output.getOut()).contains("SHIMBUN_ADMIN_PASSWORD (shimbun.admin.password) cannot be used, "
				+ "it must have at least 12 characters");
		assertThat(this.users.count()).isZero();
	}

	@Test
	void aFirstAdminNameOver60CharactersIsLoggedAsAnErrorAndCreatesNoAccount(CapturedOutput output) {
		initializer(Map.of("shimbun.admin.username", "d".repeat(61), "shimbun.admin.password", "a-long-enough-secret"))
			.run(null);
		assertThat(output.getOut()).contains("SHIMBUN_ADMIN_USERNAME (shimbun.admin.username) must have 1 to 60");
		assertThat(this.users.count()).isZero();
	}

	@Test
	void a72BytePasswordCreatesTheFirstAdmin() {
		initializer(Map.of("shimbun.admin.username", "kana", "shimbun.admin.password", KANA_72_BYTES)).run(null);
		assertThat(this.users.findByUsername("kana")).hasValueSatisfying(
				(user) -> assertThat(this.passwordEncoder.matches(KANA_72_BYTES, user.getPasswordHash())).isTrue());
		this.users.deleteAll();
	}

	private FirstAdminInitializer initializer(Map<String, String> admin) {
		ShimbunProperties properties = new Binder(new MapConfigurationPropertySource(admin)).bindOrCreate("shimbun",
				ShimbunProperties.class);
		return new FirstAdminInitializer(this.users, this.passwordEncoder, properties, this.audit, this.clock,
				this.transactionManager);
	}

}
