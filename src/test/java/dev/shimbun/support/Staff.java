package dev.shimbun.support;

import dev.shimbun.security.StaffCreateForm;
import dev.shimbun.security.StaffRole;
import dev.shimbun.security.StaffService;
import dev.shimbun.security.StaffView;

import org.springframework.context.ApplicationContext;

/**
 * Builds a staff account and creates it as an ADMIN does, through
 * {@link StaffService#create} (its password encoded, an audit line written).
 *
 * <pre class="code">
 * StaffView editor = Staff.editor("hanako").password("a-long-enough-secret").save(context);
 * </pre>
 */
public final class Staff {

	/** The password of accounts built without one. */
	public static final String PASSWORD = "a-long-enough-secret";

	private final String username;

	private final StaffRole role;

	private String displayName;

	private String password = PASSWORD;

	private Staff(String username, StaffRole role) {
		this.username = username;
		this.role = role;
		this.displayName = username;
	}

	public static Staff admin(String username) {
		return new Staff(username, StaffRole.ADMIN);
	}

	public static Staff editor(String username) {
		return new Staff(username, StaffRole.EDITOR);
	}

	public static Staff moderator(String username) {
		return new Staff(username, StaffRole.MODERATOR);
	}

	public Staff displayName(String displayName) {
		this.displayName = displayName;
		return this;
	}

	public Staff password(String password) {
		this.password = password;
		return this;
	}

	/** Creates the account with the services of the given context. */
	public StaffView save(ApplicationContext context) {
		StaffCreateForm form = new StaffCreateForm();
		form.setUsername(this.username);
		form.setDisplayName(this.displayName);
		form.setRole(this.role);
		form.setPassword(this.password);
		return context.getBean(StaffService.class).create(form);
	}

	/**
	 * Creates the account unless one with its user name exists already (for a context
	 * that classes share).
	 */
	public void saveIfAbsent(ApplicationContext context) {
		if (!context.getBean(StaffService.class).usernameTaken(this.username)) {
			save(context);
		}
	}

}
