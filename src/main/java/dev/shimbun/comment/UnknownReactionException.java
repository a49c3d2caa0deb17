package dev.shimbun.comment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A reaction press that names no reaction (400). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class UnknownReactionException extends RuntimeException {

	UnknownReactionException(String value) {
		super("No such reaction: " + value, null, false, false);
	}

}
