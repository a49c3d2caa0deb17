package dev.shimbun.ranking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class ListNotFoundException extends RuntimeException {

	ListNotFoundException(Long id) {
		super("No curated list " + id);
	}

}
