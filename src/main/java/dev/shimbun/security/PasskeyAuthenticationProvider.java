package dev.shimbun.security;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in with a passkey alone: Spring Security's WebAuthn check, then the account as the
 * rest of the admin pages know it (a {@link StaffPrincipal} with its access stamp, so
 * that its sessions end when an ADMIN changes it). A disabled account is refused. Every
 * try is audited. Passkeys cannot be guessed, so these tries do not count towards the
 * password lock, and a member locked out by somebody guessing their password can still
 * sign in with their passkey.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private final WebAuthnAuthenticationProvider webAuthn;

	private final StaffUserDetailsService users;

	private final AuditService audit;

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, StaffUserDetailsService users,
			AuditService audit) {
		this.webAuthn = new WebAuthnAuthenticationProvider(relyingParty, users);
		this.users = users;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		// Spring Security's filter gives its token no details: the address is the
		// request's.
		Object details = requestDetails();
		String client = GuardedAuthenticationProvider.client(details);
		String username = "(passkey)";
		try {
			Authentication verified = this.webAuthn.authenticate(authentication);
			username = SignInNames.forRecord(verified.getName());
			UserDetails user = this.users.loadUserByUsername(verified.getName());
			if (!user.isEnabled() || !(user instanceof StaffPrincipal principal)) {
				throw new DisabledException("Account disabled");
			}
			principal.eraseCredentials();
			this.audit.recordAs(username, AuditAction.SIGN_IN, "client", client, "passkey");
			return SignInSteps.full(principal, details, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
		}
		catch (AuthenticationException ex) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_FAILED, "client", client,
					"passkey " + ex.getClass().getSimpleName());
			throw ex;
		}
	}

	private static Object requestDetails() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return new WebAuthenticationDetails(attributes.getRequest());
		}
		return null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
