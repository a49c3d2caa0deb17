package dev.shimbun.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The files of the media library wherever they are kept (the media directory or a
 * bucket), for features that copy them as they are, such as backups and their restores:
 * every stored original and variant by its name ({@code ab/ab12.../640}), and none of the
 * temporary files that {@link LocalMediaStorage} writes before it moves them into place.
 * A file whose name starts with a dot is not part of the library; temporary files are
 * named so ({@code .640-1234.tmp}).
 */
@Component
public class MediaFiles {

	private static final String TEMPORARY_PREFIX = ".";

	private final MediaStorage storage;

	MediaFiles(MediaStorage storage) {
		this.storage = storage;
	}

	/** The files in a local media directory, as {@code shimbun.media.dir} sets it. */
	public static MediaFiles onDisk(ShimbunProperties properties) {
		return new MediaFiles(new LocalMediaStorage(properties));
	}

	/**
	 * Where the files are: the media directory, or {@code s3://bucket/prefix}.
	 */
	public String location() {
		return this.storage.location();
	}

	/**
	 * The files of the library, sorted by name; none before the first upload. A file
	 * deleted while they are listed may still be in the list.
	 * @throws IOException when the directory or the bucket cannot be read
	 */
	public List<Entry> list() throws IOException {
		return this.storage.list();
	}

	/**
	 * The content of a file, or empty when it is not there (any more). The caller closes
	 * the stream.
	 */
	public Optional<InputStream> open(Entry entry) throws IOException {
		Optional<Resource> resource = this.storage.get(entry.key(), entry.variant());
		if (resource.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(resource.get().getInputStream());
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	/** Whether the file is stored. */
	public boolean contains(Entry entry) {
		return this.storage.get(entry.key(), entry.variant()).isPresent();
	}

	/**
	 * Stores a file under its name, as a restore does; a file already there is replaced.
	 */
	public void put(Entry entry, byte[] content) throws IOException {
		this.storage.put(entry.key(), entry.variant(), content);
	}

	/** Whether a file in the media directory is part of the library. */
	static boolean inLibrary(Path file) {
		return !file.getFileName().toString().startsWith(TEMPORARY_PREFIX);
	}

	/**
	 * Creates an empty temporary file in a directory of the media directory, for a file
	 * of a variant being written; {@link #list()} leaves it out.
	 */
	static Path createTemporary(Path directory, String variant) throws IOException {
		return Files.createTempFile(directory, TEMPORARY_PREFIX + variant + "-", ".tmp");
	}

	/**
	 * One file of the library: the original or a variant of the item with this file key.
	 *
	 * @param key the item's file key
	 * @param variant {@code original} or a width ({@code 640})
	 */
	public record Entry(String key, String variant) implements Comparable<Entry> {

		private static final Pattern NAME = Pattern
			.compile("([a-z0-9]{2})/([a-z0-9]{8,64})/(" + MediaStorage.ORIGINAL + "|[0-9]{1,5})");

		/**
		 * The file named so ({@code ab/ab12.../640}), or empty for any other name (a
		 * temporary file, a file that is not the library's).
		 */
		public static Optional<Entry> parse(String name) {
			Matcher matcher = NAME.matcher(name);
			if (!matcher.matches() || !matcher.group(2).startsWith(matcher.group(1))) {
				return Optional.empty();
			}
			return Optional.of(new Entry(matcher.group(2), matcher.group(3)));
		}

		/** Its name in the library, the same on the disk, in a bucket and in a backup. */
		public String name() {
			return this.key.substring(0, 2) + "/" + this.key + "/" + this.variant;
		}

		@Override
		public int compareTo(Entry other) {
			return name().compareTo(other.name());
		}

	}

}
