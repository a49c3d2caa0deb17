package dev.shimbun.media;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves media files by id: {@code /media/{id}} is the original, {@code /media/{id}/640}
 * and {@code /media/{id}/1280} its resized variants. A file never changes under its URL
 * (a new upload gets a new id), so one that readers may see is cached for a year; the
 * entity tag answers conditional requests with 304. The files of an item that no visible
 * page shows yet (drafts, scheduled articles before their time, the library) are served
 * to editors only and never stored by a cache; anybody else gets a 404 that is not stored
 * either, so that the image appears as soon as its article does. When the files are in an
 * object store with a public URL ({@code shimbun.media.s3.public-base-url}), readers are
 * redirected there for the files they may see.
 */
@Controller
class MediaController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/**
	 * A redirect to the store's public URL: for a day, so that a changed
	 * {@code public-base-url} is followed soon.
	 */
	private static final CacheControl REDIRECT = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private static final CacheControl EDITORS_ONLY = CacheControl.noStore().cachePrivate();

	private final MediaAccess access;

	MediaController(MediaAccess access) {
		this.access = access;
	}

	@GetMapping({ "/media/{id:[0-9]{1,18}}", "/media/{id:[0-9]{1,18}}/{variant}" })
	ResponseEntity<Resource> file(@PathVariable Long id, @PathVariable(required = false) String variant,
			HttpServletResponse response) {
		MediaFile file;
		try {
			file = this.access.file(id, variant);
		}
		catch (MediaNotFoundException ex) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			throw ex;
		}
		if (file.publicUrl() != null) {
			return ResponseEntity.status(HttpStatus.FOUND).location(file.publicUrl()).cacheControl(REDIRECT).build();
		}
		return ResponseEntity.ok()
			.contentType(file.contentType())
			.cacheControl(file.shownToReaders() ? FOREVER : EDITORS_ONLY)
			.eTag(file.etag())
			.body(file.resource());
	}

}
