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
 * <p>
 * For the sign-in page, a right password is only the first step when the account has a
 * second factor or must set one up ({@link SignInSteps}): the try is then neither a
 * failure nor a success until the second step decides (so that its failures count towards
 * the same lock), and the session gets a partial sign-in.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInGuard guard;

	private final AuditService audit;

	private final boolean recordSuccesses;

	private final SecondFactorService factors;

	/** For the sign-in page: successes recorded, second factors asked for. */
	GuardedAuthenticationProvider(AuthenticationProvider delegate, SignInGuard guard, AuditService audit,
			SecondFactorService factors) {
		this(delegate, guard, audit, true, factors);
	}

	/** For machines that send a password with every request: no second step. */
	GuardedAuthenticationProvider(AuthenticationProvider delegate, SignInGuard guard, AuditService audit,
			boolean recordSuccesses) {
		this(delegate, guard, audit, recordSuccesses, null);
	}

	private GuardedAuthenticationProvider(AuthenticationProvider delegate, SignInGuard guard, AuditService audit,
			boolean recordSuccesses, SecondFactorService factors) {
		this.delegate = delegate;
		this.guard = guard;
		this.audit = audit;
		this.recordSuccesses = recordSuccesses;
		this.factors = factors;
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
			SecondFactorService.SignInStep step = (this.factors != null)
					? this.factors.stepAfterPassword(result.getName()) : SecondFactorService.SignInStep.DONE;
			if (step == SecondFactorService.SignInStep.SECOND_FACTOR
					&& result.getPrincipal() instanceof StaffPrincipal principal) {
				// decided at the second step
				this.guard.forget(admission);
				return SignInSteps.partial(principal, SignInSteps.SECOND_FACTOR, result.getDetails());
			}
			if (this.recordSuccesses) {
				this.guard.succeeded(admission);
				this.audit.recordAs(username, AuditAction.SIGN_IN, "client", client, null);
			}
			if (step == SecondFactorService.SignInStep.ENROL
					&& result.getPrincipal() instanceof StaffPrincipal principal) {
				return SignInSteps.partial(principal, SignInSteps.ENROL, result.getDetails());
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

	static String client(Authentication authentication) {
		return client(authentication.getDetails());
	}

	/** The address in a sign-in's details, made safe to record; "unknown" without one. */
	static String client(Object authenticationDetails) {
		if (authenticationDetails instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			String address = SignInNames.forRecord(details.getRemoteAddress());
			return (address.isEmpty()) ? "unknown" : address;
		}
		return "unknown";
	}

}
