package dev.shimbun.media;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/** A stored file ready to be served: its bytes, its type and its entity tag. */
record MediaFile(Resource resource, MediaType contentType, String etag) {

}
