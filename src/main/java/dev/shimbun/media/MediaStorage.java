package dev.shimbun.media;

import java.io.IOException;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where the bytes of media items are kept, by file key and variant ({@code original},
 * {@code 640}, {@code 1280}). A put is all or nothing: a reader never sees half a file.
 */
interface MediaStorage {

	/** The variant name of the uploaded file itself. */
	String ORIGINAL = "original";

	void put(String key, String variant, byte[] content) throws IOException;

	/** The stored file, or empty when there is none. */
	Optional<Resource> get(String key, String variant);

	/** Deletes the file if it is there. */
	void delete(String key, String variant) throws IOException;

}
