package dev.shimbun.media;

import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves media files by id: {@code /media/{id}} is the original, {@code /media/{id}/640}
 * and {@code /media/{id}/1280} its resized variants. A file never changes under its URL
 * (a new upload gets a new id), so it is cached for a year; the entity tag answers
 * conditional requests with 304.
 */
@Controller
class MediaController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaService media;

	MediaController(MediaService media) {
		this.media = media;
	}

	@GetMapping({ "/media/{id:[0-9]{1,18}}", "/media/{id:[0-9]{1,18}}/{variant}" })
	ResponseEntity<Resource> file(@PathVariable Long id, @PathVariable(required = false) String variant) {
		MediaFile file = this.media.file(id, variant);
		return ResponseEntity.ok()
			.contentType(file.contentType())
			.cacheControl(FOREVER)
			.eTag(file.etag())
			.body(file.resource());
	}

}
