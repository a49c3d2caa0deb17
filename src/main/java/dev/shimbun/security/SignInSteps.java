package dev.shimbun.security;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The steps of a staff sign-in. A right password alone signs in fully only an account
 * without a second factor that need not have one. Otherwise the session holds a partial
 * sign-in, with no role and one authority saying what is left: {@value #SECOND_FACTOR} (a
 * one-time code, a recovery code or a passkey, at {@value #SECOND_FACTOR_PAGE}) or
 * {@value #ENROL} (setting one up, at {@value #ENROL_PAGE}). A partial sign-in reaches
 * nothing else: any other admin page sends it back to its step.
 */
final class SignInSteps {

	/** Authority of a session that has given its password and owes a second factor. */
	static final String SECOND_FACTOR = "STEP_SECOND_FACTOR";

	/** Authority of a session that must set up a second factor before anything else. */
	static final String ENROL = "STEP_ENROL";

	static final String SECOND_FACTOR_PAGE = "/admin/login/code";

	static final String ENROL_PAGE = "/admin/account/second-factor";

	/** Authority of a one-time or recovery code given at the second step. */
	static final String CODE_FACTOR = "FACTOR_TOTP";

	private SignInSteps() {
	}

	/** A partial sign-in of this staff member, owing the given step. */
	static Authentication partial(StaffPrincipal principal, String step, Object details) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(step)));
		token.setDetails(details);
		return token;
	}

	/** A full sign-in: the account's role and the factors used. */
	static Authentication full(StaffPrincipal principal, Object details, String... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.fromAuthority(factor));
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		token.setDetails(details);
		return token;
	}

	/** The step a sign-in still owes, or null when it is complete. */
	static String owed(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (SECOND_FACTOR.equals(authority.getAuthority()) || ENROL.equals(authority.getAuthority())) {
				return authority.getAuthority();
			}
		}
		return null;
	}

	static String pageOf(String step) {
		return SECOND_FACTOR.equals(step) ? SECOND_FACTOR_PAGE : ENROL_PAGE;
	}

	/**
	 * After the password form: to the step still owed, or where the member was going (the
	 * dashboard by default).
	 */
	static AuthenticationSuccessHandler afterPassword() {
		SavedRequestAwareAuthenticationSuccessHandler done = new SavedRequestAwareAuthenticationSuccessHandler();
		done.setDefaultTargetUrl("/admin");
		return (request, response, authentication) -> {
			String step = owed(authentication);
			if (step != null) {
				response.sendRedirect(request.getContextPath() + pageOf(step));
			}
			else {
				done.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/**
	 * Where a completed sign-in goes: the admin page the member asked for before signing
	 * in (its path, so that it stays on the address they use, behind a load balancer
	 * too), or the dashboard.
	 */
	static String destination(HttpServletRequest request, HttpServletResponse response) {
		RequestCache requests = new HttpSessionRequestCache();
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		if (saved != null) {
			URI uri = URI.create(saved.getRedirectUrl());
			String path = uri.getRawPath();
			if (path != null && path.startsWith(request.getContextPath() + "/admin")) {
				return path.substring(request.getContextPath().length())
						+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			}
		}
		return "/admin";
	}

	/**
	 * After a passkey sign-in, for the page's script: JSON with where to go
	 * ({@code redirectUrl}).
	 */
	static AuthenticationSuccessHandler passkeySignedIn() {
		return (request, response, authentication) -> {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			String target = request.getContextPath() + destination(request, response);
			response.getWriter()
				.write(Passkeys.json().writeValueAsString(Map.of("authenticated", true, "redirectUrl", target)));
		};
	}

	/** A partial sign-in asking for any other admin page is sent back to its step. */
	static AccessDeniedHandler backToStep() {
		AccessDeniedHandler denied = new AccessDeniedHandlerImpl();
		return new AccessDeniedHandler() {

			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response,
					AccessDeniedException exception) throws IOException, jakarta.servlet.ServletException {
				String step = owed(SecurityContextHolder.getContext().getAuthentication());
				if (step != null) {
					response.sendRedirect(request.getContextPath() + pageOf(step));
				}
				else {
					denied.handle(request, response, exception);
				}
			}

		};
	}

}
