package dev.shimbun.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every admin request with a session, checks the account against the database: when an
 * ADMIN has disabled it, changed its role or its password since the session signed in,
 * the session ends here, and the request goes on as an anonymous one (to the sign-in
 * page). As the accounts are in the shared database, this holds on every instance.
 * <p>
 * A full sign-in of an account that must now have a second factor and has none (an ADMIN
 * turned the requirement on, or reset its factors) becomes a partial one: the member is
 * taken to enrolment before anything else ({@link SignInSteps}).
 */
class StaffSessionCheck extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StaffSessionCheck.class);

	private final StaffUserDetailsService users;

	private final SecondFactorService factors;

	private final StaffSessions sessions;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	StaffSessionCheck(StaffUserDetailsService users, SecondFactorService factors, StaffSessions sessions) {
		this.users = users;
		this.factors = factors;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			if (!this.users.unchanged(principal)) {
				logger.info("Ended a session of '{}': the account has changed", principal.getUsername());
				this.contexts.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (SignInSteps.owed(authentication) == null && this.factors.mustEnrolNow(principal.getUsername())) {
				logger.info("Session of '{}' taken to second-factor enrolment", principal.getUsername());
				this.sessions.requireEnrolment(principal, authentication.getDetails(), request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
