package dev.shimbun.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts from the database, for Spring Security. */
@Service
@Transactional(readOnly = true)
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUserRepository users;

	StaffUserDetailsService(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!SignInNames.couldBeStaff(username)) {
			// Too long, empty or with control characters: no account has such a name.
			throw new UsernameNotFoundException("Not a staff user name");
		}
		StaffUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No staff user " + username));
		return new StaffPrincipal(user.getUsername(), user.getPasswordHash(), user.isEnabled(),
				List.of(new SimpleGrantedAuthority(user.getRole().authority())), user.accessStamp());
	}

	/**
	 * Whether the account of a session may still do what it could at sign-in: it exists,
	 * and its role, enabled flag and password are unchanged.
	 */
	boolean unchanged(StaffPrincipal principal) {
		return SignInNames.couldBeStaff(principal.getUsername()) && this.users.findByUsername(principal.getUsername())
			.map((user) -> user.accessStamp().equals(principal.getAccessStamp()))
			.orElse(false);
	}

}
