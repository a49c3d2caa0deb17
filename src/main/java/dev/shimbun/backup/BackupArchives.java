package dev.shimbun.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The archives in the backup directory ({@code shimbun.backup.dir}, by default
 * {@code backups} under {@code shimbun.data-dir}): their names, with the time they were
 * taken in the site's time zone ({@code shimbun-20250610-033000.zip}, then {@code -2} and
 * on for more in the same second), the hidden names of one being written, its publication
 * under its name once it is complete, and the retention of the newest
 * {@code shimbun.backup.keep}.
 */
@Component
class BackupArchives {

	private static final Logger logger = LoggerFactory.getLogger(BackupArchives.class);

	private static final Pattern NAME = Pattern.compile("shimbun-[0-9]{8}-[0-9]{6}(-[0-9]{1,3})?\\.zip");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Path directory;

	private final ZoneId zone;

	private final int keep;

	BackupArchives(ShimbunProperties properties) {
		this.directory = properties.backupDirectory();
		this.zone = properties.site().zone();
		this.keep = properties.backup().keep();
	}

	/** The directory the archives are written to. */
	Path directory() {
		return this.directory;
	}

	/** The number of archives kept, 0 for all. */
	int keep() {
		return this.keep;
	}

	/** The archives in the backup directory, newest first. */
	List<BackupView> list() {
		List<BackupView> backups = new ArrayList<>();
		for (Path file : archives()) {
			try {
				backups.add(view(file));
			}
			catch (NoSuchFileException ex) {
				// deleted meanwhile
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return backups;
	}

	/** The archive of this name, if there is one. */
	Optional<Path> find(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = this.directory.resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	/**
	 * The path of a new archive taken at that instant, under a name that no archive has
	 * yet; the backup directory is created if it is not there.
	 */
	Path newArchive(Instant now) throws IOException {
		Files.createDirectories(this.directory);
		String stamp = STAMP.format(now.atZone(this.zone));
		Path target = this.directory.resolve("shimbun-" + stamp + ".zip");
		for (int i = 2; Files.exists(target) && i < 1000; i++) {
			target = this.directory.resolve("shimbun-" + stamp + "-" + i + ".zip");
		}
		return target;
	}

	/**
	 * A hidden file next to an archive, for what goes into it while it is written
	 * ({@code .shimbun-20250610-033000.zip.partial}); never listed as an archive.
	 */
	Path hidden(Path archive, String suffix) {
		return this.directory.resolve("." + archive.getFileName() + suffix);
	}

	/**
	 * Gives a complete archive its name: on the disk before it has its name, and its name
	 * on the disk before this returns, so that a power loss right after leaves the
	 * archive whole.
	 */
	void publish(Path written, Path archive) throws IOException {
		try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(written, archive);
		}
		forceDirectory(this.directory);
		Path parent = this.directory.toAbsolutePath().getParent();
		if (parent != null) {
			forceDirectory(parent);
		}
	}

	/** An archive as the backup page shows it. */
	BackupView view(Path archive) throws IOException {
		return new BackupView(archive.getFileName().toString(), Files.size(archive),
				Files.getLastModifiedTime(archive).toInstant().atZone(this.zone));
	}

	/** Deletes all but the newest archives, never the one just written. */
	void prune(Path written) {
		if (this.keep <= 0) {
			return;
		}
		List<Path> archives = archives();
		archives.remove(written);
		archives.add(0, written);
		for (Path old : archives.subList(Math.min(this.keep, archives.size()), archives.size())) {
			try {
				Files.deleteIfExists(old);
				logger.info("Old backup {} deleted (shimbun.backup.keep={})", old, this.keep);
			}
			catch (IOException ex) {
				logger.warn("Could not delete old backup {}", old, ex);
			}
		}
	}

	/** The archives, newest first (by the time stamp in their names). */
	private List<Path> archives() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Path> archives = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				if (NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
					archives.add(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		archives.sort(Comparator.comparing(BackupArchives::stamp).reversed());
		return archives;
	}

	/** shimbun-20250610-033000-2.zip: 20250610-033000-002, so that suffixes sort too. */
	private static String stamp(Path archive) {
		String name = archive.getFileName().toString();
		String stamp = name.substring("shimbun-".length(), name.length() - ".zip".length());
		if (stamp.length() == 15) {
			return stamp + "-000";
		}
		String suffix = stamp.substring(16);
		return stamp.substring(0, 15) + "-" + "0".repeat(3 - suffix.length()) + suffix;
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

}
