package dev.shimbun.media;

import java.net.URI;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * A stored file ready to be served: its bytes, its type, its entity tag, and whether
 * readers may see it (or only editors, for now); or, for a file that readers may see in a
 * store with a public URL, only that URL ({@code resource} is then {@code null}).
 */
record MediaFile(Resource resource, MediaType contentType, String etag, boolean shownToReaders, URI publicUrl) {

	MediaFile(Resource resource, MediaType contentType, String etag, boolean shownToReaders) {
		this(resource, contentType, etag, shownToReaders, null);
	}

	/** A file that readers fetch from the store's public URL. */
	static MediaFile elsewhere(URI publicUrl) {
		return new MediaFile(null, null, null, true, publicUrl);
	}

}
