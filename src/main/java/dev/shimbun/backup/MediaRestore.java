package dev.shimbun.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.media.MediaFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the media files of a backup archive back into the media storage
 * ({@code shimbun.backup.restore-media}) when the application starts, before it serves
 * requests: how a backup's media go back into a bucket, which {@code bin/restore-h2.sh}
 * (run with the application stopped) cannot reach. Every {@code media/ab/ab12.../variant}
 * entry is stored under its name, replacing a file of the same name; other files are
 * left. Running it again on the same archive changes nothing more. A restore that fails
 * stops the start-up.
 */
@Component
class MediaRestore implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(MediaRestore.class);

	private static final String MEDIA_FOLDER = "media/";

	private final MediaFiles media;

	private final String archive;

	MediaRestore(MediaFiles media, ShimbunProperties properties) {
		this.media = media;
		this.archive = properties.backup().restoreMedia();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.archive == null || this.archive.isBlank()) {
			return;
		}
		Path file = Path.of(this.archive.strip());
		try {
			int restored = restore(file);
			logger.info("Restored {} media files from {} into {}", restored, file, this.media.location());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not restore the media files of " + file, ex);
		}
	}

	/**
	 * Stores the media files of an archive.
	 * @return the number of files stored
	 * @throws IOException when the archive cannot be read or is not a Shimbun backup, or
	 * a file cannot be stored
	 */
	int restore(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("No such backup archive: " + file);
		}
		int restored = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("backup.properties") == null) {
				throw new IOException("Not a Shimbun backup (no backup.properties): " + file);
			}
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.isDirectory() || !entry.getName().startsWith(MEDIA_FOLDER)) {
					continue;
				}
				Optional<MediaFiles.Entry> name = MediaFiles.Entry
					.parse(entry.getName().substring(MEDIA_FOLDER.length()));
				if (name.isEmpty()) {
					logger.warn("Left out {} of {}: not a media file's name", entry.getName(), file);
					continue;
				}
				try (InputStream in = zip.getInputStream(entry)) {
					this.media.put(name.get(), in.readAllBytes());
				}
				restored++;
			}
		}
		return restored;
	}

}
