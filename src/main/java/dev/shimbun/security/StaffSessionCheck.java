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
 */
class StaffSessionCheck extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StaffSessionCheck.class);

	private final StaffUserDetailsService users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	StaffSessionCheck(StaffUserDetailsService users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				&& !this.users.unchanged(principal)) {
			logger.info("Ended a session of '{}': the account has changed", principal.getUsername());
			this.contexts.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
