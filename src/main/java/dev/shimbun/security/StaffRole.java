package dev.shimbun.security;

/**
 * What a staff member may do. ADMIN includes EDITOR, which includes MODERATOR (see the
 * role hierarchy in {@link SecurityConfiguration}).
 */
public enum StaffRole {

	/** Everything, staff accounts included. */
	ADMIN,
	/** Articles, lists, media, categories and comments. */
	EDITOR,
	/** Comments only. */
	MODERATOR;

	String authority() {
		return "ROLE_" + name();
	}

}
