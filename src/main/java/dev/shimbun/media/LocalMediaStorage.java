package dev.shimbun.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media files in a local directory outside the web root ({@code shimbun.media.dir}, by
 * default {@code media} under {@code shimbun.data-dir}), one directory per file key below
 * a directory named after the key's first two characters, one file per variant:
 * {@code ab/ab12.../original}, {@code ab/ab12.../640}. A file is written to a temporary
 * file next to it and then moved into place atomically.
 */
@Component
class LocalMediaStorage implements MediaStorage {

	private static final Logger logger = LoggerFactory.getLogger(LocalMediaStorage.class);

	private static final Pattern KEY = Pattern.compile("[a-z0-9]{8,64}");

	private static final Pattern VARIANT = Pattern.compile(ORIGINAL + "|[0-9]{1,5}");

	private final Path root;

	LocalMediaStorage(ShimbunProperties properties) {
		this.root = properties.mediaDirectory();
	}

	Path root() {
		return this.root;
	}

	@Override
	public void put(String key, String variant, byte[] content) throws IOException {
		Path target = path(key, variant);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), "." + variant + "-", ".tmp");
		try {
			Files.write(temporary, content);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public Optional<Resource> get(String key, String variant) {
		Path file = path(key, variant);
		return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
	}

	@Override
	public void delete(String key, String variant) throws IOException {
		Path file = path(key, variant);
		Files.deleteIfExists(file);
		// The key's own directory only: the shared prefix directory may be in use by a
		// put.
		deleteIfEmpty(file.getParent());
	}

	private Path path(String key, String variant) {
		if (!KEY.matcher(key).matches() || !VARIANT.matcher(variant).matches()) {
			throw new IllegalArgumentException("Bad media key or variant: " + key + "/" + variant);
		}
		return this.root.resolve(key.substring(0, 2)).resolve(key).resolve(variant);
	}

	private void deleteIfEmpty(Path directory) {
		try {
			Files.deleteIfExists(directory);
		}
		catch (DirectoryNotEmptyException ex) {
			// still holds other files
		}
		catch (IOException ex) {
			logger.debug("Could not remove media directory {}", directory, ex);
		}
	}

}
