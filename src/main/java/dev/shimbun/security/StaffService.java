package dev.shimbun.security;

import java.time.Clock;
import java.util.List;

import dev.shimbun.FieldRuleException;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: created, changed and given new passwords by an ADMIN. */
@Service
@Transactional(readOnly = true)
public class StaffService {

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditService audit;

	private final Clock clock;

	StaffService(StaffUserRepository users, PasswordEncoder passwordEncoder, AuditService audit, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	public List<StaffView> all() {
		return this.users.findAllByOrderByUsernameAsc().stream().map(StaffService::view).toList();
	}

	public StaffView get(Long id) {
		return view(find(id));
	}

	/** The display name of an account, or the user name itself when it is unknown. */
	public String displayName(String username) {
		return this.users.findByUsername(username).map(StaffUser::getDisplayName).orElse(username);
	}

	public boolean usernameTaken(String username) {
		return this.users.existsByUsername(username);
	}

	/**
	 * A new account.
	 * @throws FieldRuleException when the user name is taken or the password is longer
	 * than bcrypt reads
	 */
	@Transactional
	public StaffView create(StaffCreateForm form) {
		if (this.users.existsByUsername(form.getUsername())) {
			throw new FieldRuleException("username", "staff.error.usernameTaken");
		}
		checkFits(form.getPassword());
		checkHardToGuess(form.getPassword(), form.getUsername());
		StaffUser user = this.users.save(new StaffUser(form.getUsername(), form.getDisplayName(),
				this.passwordEncoder.encode(form.getPassword()), form.getRole(), this.clock.instant()));
		this.audit.record(AuditAction.USER_CREATED, "user", user.getId(),
				this.audit.text("audit.detail.user.created", user.getUsername(), user.getRole().name()));
		return view(user);
	}

	/**
	 * Changes an account's name, role and state.
	 * @throws FieldRuleException when no enabled admin would be left
	 */
	@Transactional
	public void update(Long id, StaffEditForm form) {
		StaffUser user = find(id);
		if (user.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(StaffUser.class, id);
		}
		boolean losesAdmin = user.getRole() == StaffRole.ADMIN && user.isEnabled()
				&& (form.getRole() != StaffRole.ADMIN || !form.isEnabled());
		if (losesAdmin && this.users.countByRoleAndEnabledTrue(StaffRole.ADMIN) <= 1) {
			throw new FieldRuleException("role", "staff.error.lastAdmin");
		}
		user.update(form.getDisplayName(), form.getRole(), form.isEnabled());
		this.audit.record(AuditAction.USER_CHANGED, "user", id,
				this.audit.text(form.isEnabled() ? "audit.detail.user.changed" : "audit.detail.user.changedDisabled",
						user.getUsername(), form.getRole().name()));
	}

	/**
	 * Gives an account a new password.
	 * @throws FieldRuleException when the password is longer than bcrypt reads
	 */
	@Transactional
	public void resetPassword(Long id, String password) {
		checkFits(password);
		StaffUser user = find(id);
		checkHardToGuess(password, user.getUsername());
		user.changePassword(this.passwordEncoder.encode(password));
		this.audit.record(AuditAction.USER_PASSWORD_RESET, "user", id, user.getUsername());
	}

	/**
	 * A staff member changes their own password, giving the current one.
	 * @throws FieldRuleException on {@code currentPassword} when it is wrong, on
	 * {@code password} when the new one breaks a rule
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String password) {
		StaffUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new IllegalStateException("No staff account " + username));
		if (currentPassword == null || !StaffPasswords.fits(currentPassword)
				|| !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new FieldRuleException("currentPassword", "account.password.error.current");
		}
		checkFits(password);
		checkHardToGuess(password, username);
		if (this.passwordEncoder.matches(password, user.getPasswordHash())) {
			throw new FieldRuleException("password", "account.password.error.same");
		}
		user.changePassword(this.passwordEncoder.encode(password));
		this.audit.record(AuditAction.PASSWORD_CHANGED, "user", user.getId(), username);
	}

	private static void checkHardToGuess(String password, String username) {
		if (StaffPasswords.tooEasy(password, username)) {
			throw new FieldRuleException("password", "staff.error.passwordTooEasy");
		}
	}

	/** bcrypt would refuse it (the forms check it first). */
	private static void checkFits(String password) {
		if (!StaffPasswords.fits(password)) {
			throw new FieldRuleException("password", "staff.error.passwordTooLong");
		}
	}

	private StaffUser find(Long id) {
		return this.users.findById(id).orElseThrow(() -> new StaffNotFoundException(id));
	}

	private static StaffView view(StaffUser user) {
		return new StaffView(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(),
				user.getVersion());
	}

}
