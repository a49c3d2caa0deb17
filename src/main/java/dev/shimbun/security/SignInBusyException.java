package dev.shimbun.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * Sign-in refused because its lock in the database stayed busy: refused rather than
 * checked uncounted.
 */
class SignInBusyException extends AuthenticationServiceException {

	SignInBusyException() {
		super("The sign-in lock stayed busy");
	}

}
