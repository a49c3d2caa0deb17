package dev.shimbun.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused until a time because of too many failures. */
class SignInLockedException extends LockedException {

	private final Instant retryAt;

	SignInLockedException(Instant retryAt) {
		super("Too many failed sign-ins; retry at " + retryAt);
		this.retryAt = retryAt;
	}

	Instant getRetryAt() {
		return this.retryAt;
	}

}
