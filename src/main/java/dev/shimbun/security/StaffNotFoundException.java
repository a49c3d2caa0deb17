package dev.shimbun.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class StaffNotFoundException extends RuntimeException {

	StaffNotFoundException(Long id) {
		super("No staff user " + id);
	}

}
