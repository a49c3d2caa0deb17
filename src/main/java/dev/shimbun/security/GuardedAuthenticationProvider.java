package dev.shimbun.security;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with a brute-force guard: every try is first counted by the
 * {@link SignInGuard}, and refused while the account or address is locked; only an
 * admitted try has its password checked. Every try is in the audit log. The name tried is
 * recorded made safe ({@link SignInNames}), whatever it is. For machines that send their
 * password with every request (a metrics scraper), successes are not recorded: failures
 * still are, and still lock the account and address.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInGuard guard;

	private final AuditService audit;

	private final boolean recordSuccesses;

	GuardedAuthenticationProvider(AuthenticationProvider delegate, SignInGuard guard, AuditService audit) {
		this(delegate, guard, audit, true);
	}

	GuardedAuthenticationProvider(AuthenticationProvider delegate, SignInGuard guard, AuditService audit,
			boolean recordSuccesses) {
		this.delegate = delegate;
		this.guard = guard;
		this.audit = audit;
		this.recordSuccesses = recordSuccesses;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		String username = SignInNames.forRecord(name);
		String client = client(authentication);
		SignInGuard.Admission admission = this.guard.admit(username, client);
		if (!admission.admitted()) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_LOCKED, "client", client,
					admission.busy() ? "busy" : null);
			throw admission.busy() ? new SignInBusyException() : new SignInLockedException(admission.lockedUntil());
		}
		try {
			if (!StaffPasswords.fits(String.valueOf(authentication.getCredentials()))) {
				// Longer passwords are never stored, so this one cannot be right.
				throw new BadCredentialsException("Password longer than any stored one");
			}
			Authentication result = this.delegate.authenticate(authentication);
			if (this.recordSuccesses) {
				this.guard.succeeded(admission);
				this.audit.recordAs(username, AuditAction.SIGN_IN, "client", client, null);
			}
			else {
				this.guard.forget(admission);
			}
			return result;
		}
		catch (AuthenticationException ex) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_FAILED, "client", client, ex.getClass().getSimpleName());
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String client(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			String address = SignInNames.forRecord(details.getRemoteAddress());
			return (address.isEmpty()) ? "unknown" : address;
		}
		return "unknown";
	}

}
