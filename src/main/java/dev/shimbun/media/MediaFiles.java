package dev.shimbun.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.shimbun.ShimbunProperties;

import org.springframework.stereotype.Component;

/**
 * The files of the media library in the media directory ({@code shimbun.media.dir}), for
 * features that copy them as they are, such as backups: every stored original and
 * variant, and none of the temporary files that {@link LocalMediaStorage} writes before
 * it moves them into place. A file whose name starts with a dot is not part of the
 * library; temporary files are named so ({@code .640-1234.tmp}).
 */
@Component
public class MediaFiles {

	private static final String TEMPORARY_PREFIX = ".";

	private final Path directory;

	public MediaFiles(ShimbunProperties properties) {
		this.directory = properties.mediaDirectory();
	}

	/** The media directory, which does not exist before the first upload. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The files of the library, sorted by path; none when the media directory does not
	 * exist. A file deleted while they are listed may still be in the list.
	 * @throws IOException when the directory cannot be read
	 */
	public List<Path> list() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			return paths.filter(Files::isRegularFile).filter(MediaFiles::inLibrary).sorted().toList();
		}
		catch (UncheckedIOException ex) {
			// unwrapped: the cause's own trace is the one that matters
			throw ex.getCause(); // NOPMD
		}
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

}
