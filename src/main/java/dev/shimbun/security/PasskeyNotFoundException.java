package dev.shimbun.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The member has no passkey with the id asked for. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PasskeyNotFoundException extends RuntimeException {

	PasskeyNotFoundException() {
		super("No such passkey of the signed-in member");
	}

}
