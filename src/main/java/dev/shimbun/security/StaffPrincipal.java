package dev.shimbun.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in staff member, as kept in the session: with the account's access stamp at
 * sign-in ({@link StaffUser#accessStamp()}), so that every request can tell whether an
 * ADMIN has since disabled the account, changed its role or its password
 * ({@link StaffSessionCheck}).
 */
class StaffPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final String accessStamp;

	StaffPrincipal(String username, String password, boolean enabled,
			Collection<? extends GrantedAuthority> authorities, String accessStamp) {
		super(username, password, enabled, true, true, true, authorities);
		this.accessStamp = accessStamp;
	}

	String getAccessStamp() {
		return this.accessStamp;
	}

}
