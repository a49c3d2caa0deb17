package dev.shimbun.media;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * A stored file ready to be served: its bytes, its type, its entity tag, and whether
 * readers may see it (or only editors, for now).
 */
record MediaFile(Resource resource, MediaType contentType, String etag, boolean shownToReaders) {

}
