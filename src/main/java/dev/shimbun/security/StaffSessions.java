package dev.shimbun.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The session of the staff member making a request, after they changed their own account.
 */
@Component
class StaffSessions {

	private final StaffUserDetailsService users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	StaffSessions(StaffUserDetailsService users) {
		this.users = users;
	}

	/**
	 * After a change to the account with this user name: when it is the one signed in,
	 * this session takes the account's new access stamp (under a new session id) and goes
	 * on, while its other sessions end at their next request ({@link StaffSessionCheck}).
	 */
	void keepCurrentAfterChangeOf(String username, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.contexts.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof StaffPrincipal)
				|| !current.getName().equals(username)) {
			return;
		}
		UserDetails fresh = this.users.loadUserByUsername(username);
		if (!fresh.isEnabled()) {
			return;
		}
		if (fresh instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(fresh,
				null, fresh.getAuthorities());
		authentication.setDetails(current.getDetails());
		replace(authentication, request, response);
	}

	/**
	 * Completes the partial sign-in of this session (its second factor given or set up):
	 * the account's role from now on, under a new session id.
	 */
	void complete(String username, String factor, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.contexts.getContext().getAuthentication();
		UserDetails fresh = this.users.loadUserByUsername(username);
		if (fresh instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		replace(SignInSteps.full((StaffPrincipal) fresh, (current != null) ? current.getDetails() : null, factor),
				request, response);
	}

	/**
	 * Puts a partial sign-in in place of this session's: it must set up a second factor.
	 */
	void requireEnrolment(StaffPrincipal principal, Object details, HttpServletRequest request,
			HttpServletResponse response) {
		replace(SignInSteps.partial(principal, SignInSteps.ENROL, details), request, response);
	}

	private void replace(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication);
		this.contexts.setContext(context);
		request.changeSessionId();
		this.repository.saveContext(context, request, response);
	}

}
