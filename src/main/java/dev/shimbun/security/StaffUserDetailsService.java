package dev.shimbun.security;

import org.springframework.security.core.userdetails.User;
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
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.authorities(user.getRole().authority())
			.disabled(!user.isEnabled())
			.build();
	}

}
