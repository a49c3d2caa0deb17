package dev.shimbun.security;

import java.security.SecureRandom;
import java.time.Clock;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start, when no staff account exists, creates an ADMIN from
 * {@code shimbun.admin.username} / {@code shimbun.admin.password}. Without a configured
 * password a strong one is generated and logged once; there is no default password. A
 * password that cannot be used (under 12 characters, over bcrypt's 72 bytes in UTF-8)
 * stops nothing: the account is not created and an ERROR line says what to fix.
 */
@Component
class FirstAdminInitializer implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdminInitializer.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int GENERATED_LENGTH = 24;

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ShimbunProperties.Admin admin;

	private final AuditService audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final TransactionTemplate transactions;

	FirstAdminInitializer(StaffUserRepository users, PasswordEncoder passwordEncoder, ShimbunProperties properties,
			AuditService audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.admin = properties.admin();
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		String username = this.admin.username();
		if (!SignInNames.couldBeStaff(username)) {
			logger.error(
					"No admin account was created: SHIMBUN_ADMIN_USERNAME (shimbun.admin.username) must have 1 to {} "
							+ "characters, without control characters. Set another and restart.",
					SignInNames.MAX_LENGTH);
			return;
		}
		String password = this.admin.password();
		boolean generated = (password == null || password.isBlank());
		if (generated) {
			password = generatePassword();
		}
		else if (StaffPasswords.problem(password, username) != null) {
			logger.error(
					"No admin account was created: SHIMBUN_ADMIN_PASSWORD (shimbun.admin.password) cannot be used, "
							+ "{}. Set a password of {} to {} bytes (or none, to have one generated) and restart.",
					StaffPasswords.problem(password, username), StaffPasswords.MIN_LENGTH, StaffPasswords.MAX_BYTES);
			return;
		}
		String encoded = this.passwordEncoder.encode(password);
		StaffUser user;
		try {
			user = this.transactions.execute((status) -> {
				StaffUser created = this.users
					.saveAndFlush(new StaffUser(username, username, encoded, StaffRole.ADMIN, this.clock.instant()));
				this.audit.recordAs(null, AuditAction.ADMIN_CREATED, "user", created.getId(), created.getUsername());
				return created;
			});
		}
		catch (DataIntegrityViolationException ex) {
			logger.info("Another instance created the first admin account at the same time");
			return;
		}
		if (generated) {
			logger.warn(
					"Created the first admin account '{}' with the generated password: {}  "
							+ "(shown only this once; set SHIMBUN_ADMIN_PASSWORD to choose it)",
					user.getUsername(), password);
		}
		else {
			logger.info("Created the first admin account '{}'", user.getUsername());
		}
	}

	String generatePassword() {
		StringBuilder password = new StringBuilder(GENERATED_LENGTH);
		for (int i = 0; i < GENERATED_LENGTH; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
