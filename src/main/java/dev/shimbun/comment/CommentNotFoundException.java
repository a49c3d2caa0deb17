package dev.shimbun.comment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class CommentNotFoundException extends RuntimeException {

	CommentNotFoundException(Long id) {
		super("No comment " + id);
	}

}
