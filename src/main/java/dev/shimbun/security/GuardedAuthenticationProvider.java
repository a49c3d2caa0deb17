package dev.shimbun.security;

import java.time.Instant;
import java.util.Optional;

import dev.shimbun.admin.AuditAction;
import dev.shimbun.admin.AuditService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with a brute-force guard: refused while locked, every try recorded for
 * the guard and in the audit log. For machines that send their password with every
 * request (a metrics scraper), successes are not recorded: failures still are, and still
 * lock the account and address.
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
		String username = String.valueOf(authentication.getName());
		String client = client(authentication);
		Optional<Instant> lockedUntil = this.guard.lockedUntil(username, client);
		if (lockedUntil.isPresent()) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_LOCKED, "client", client, null);
			throw new SignInLockedException(lockedUntil.get());
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			if (this.recordSuccesses) {
				this.guard.record(username, client, true);
				this.audit.recordAs(username, AuditAction.SIGN_IN, "client", client, null);
			}
			return result;
		}
		catch (AuthenticationException ex) {
			this.guard.record(username, client, false);
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
			return details.getRemoteAddress();
		}
		return "unknown";
	}

}
