package dev.shimbun.media;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No media item with that id, or no such variant of it. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MediaNotFoundException extends RuntimeException {

	MediaNotFoundException(Long id) {
		super("No media item " + id);
	}

	MediaNotFoundException(Long id, String variant) {
		super("No variant " + variant + " of media item " + id);
	}

}
