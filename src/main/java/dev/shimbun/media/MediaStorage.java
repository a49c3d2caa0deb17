package dev.shimbun.media;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where the bytes of media items are kept, by file key and variant ({@code original},
 * {@code 640}, {@code 1280}): a local directory ({@link LocalMediaStorage}, the default)
 * or a bucket of an S3-compatible object store ({@link S3MediaStorage}). A put is all or
 * nothing: a reader never sees half a file.
 */
interface MediaStorage {

	/** The variant name of the uploaded file itself. */
	String ORIGINAL = "original";

	void put(String key, String variant, byte[] content) throws IOException;

	/** The stored file, or empty when there is none. */
	Optional<Resource> get(String key, String variant);

	/** Deletes the file if it is there. */
	void delete(String key, String variant) throws IOException;

	/**
	 * Every stored file, sorted by key and variant; none of the files still being
	 * written. A file deleted while they are listed may still be in the list.
	 */
	List<MediaFiles.Entry> list() throws IOException;

	/**
	 * Where readers can fetch the file directly, without the application (a CDN in front
	 * of the bucket), or empty when the application serves it.
	 */
	default Optional<URI> publicUrl(String key, String variant) {
		return Optional.empty();
	}

	/** Where the files are, for people and backup manifests. */
	String location();

}
