package dev.shimbun.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media files in a local directory outside the web root ({@code shimbun.media.dir}, by
 * default {@code media} under {@code shimbun.data-dir}), one directory per file key below
 * a directory named after the key's first two characters, one file per variant:
 * {@code ab/ab12.../original}, {@code ab/ab12.../640}. A file is written to a temporary
 * file next to it (named as {@link MediaFiles} expects, so that copies of the library
 * leave it out), forced to the disk and then moved into place atomically.
 */
@Component
@ConditionalOnProperty(name = "shimbun.media.storage", havingValue = "local", matchIfMissing = true)
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

	/**
	 * Writes a file durably: when this returns, the file, its name and its directories
	 * are on the disk, so an upload the editor is told about survives a power loss. The
	 * content is forced before the move (otherwise the name could survive with an empty
	 * file behind it), and the directories are forced after it.
	 */
	@Override
	public void put(String key, String variant, byte[] content) throws IOException {
		Path target = path(key, variant);
		Files.createDirectories(target.getParent());
		Path temporary = MediaFiles.createTemporary(target.getParent(), variant);
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
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
		Path keyDirectory = target.getParent();
		// the new name, then the names of the directories, which the first file of a key
		// (or of a prefix, or the first upload of all) has just created
		forceDirectory(keyDirectory);
		forceDirectory(keyDirectory.getParent());
		forceDirectory(this.root);
		Path parent = this.root.toAbsolutePath().getParent();
		if (parent != null) {
			forceDirectory(parent);
		}
	}

	/**
	 * Forces a directory's entries to the disk. Some systems cannot open or force a
	 * directory (Windows); that is ignored, as Lucene does.
	 */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			logger.debug("Could not force the directory {} to the disk", directory, ex);
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

	@Override
	public List<MediaFiles.Entry> list() throws IOException {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		List<MediaFiles.Entry> entries = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(this.root, 3)) {
			for (Path file : (Iterable<Path>) paths::iterator) {
				if (this.root.relativize(file).getNameCount() == 3 && MediaFiles.inLibrary(file)
						&& Files.isRegularFile(file)) {
					MediaFiles.Entry.parse(this.root.relativize(file).toString().replace('\\', '/'))
						.ifPresent(entries::add);
				}
			}
		}
		catch (UncheckedIOException ex) {
			// unwrapped: the cause's own trace is the one that matters
			throw ex.getCause(); // NOPMD
		}
		entries.sort(null);
		return entries;
	}

	@Override
	public String location() {
		return this.root.toString().replace('\\', '/');
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
