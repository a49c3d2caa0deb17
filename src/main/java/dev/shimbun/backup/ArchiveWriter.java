package dev.shimbun.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import dev.shimbun.media.MediaFiles;

import org.springframework.stereotype.Component;

/**
 * Writes the content of a backup archive: what it holds ({@value #MANIFEST}), the
 * database copy under {@value #DATABASE_FOLDER} and the files of the media library under
 * {@value #MEDIA_FOLDER} (from the media directory or the bucket, under their names in
 * the library), stored uncompressed (images are compressed already).
 */
@Component
class ArchiveWriter {

	private static final String DATABASE_FOLDER = "database/";

	private static final String MEDIA_FOLDER = "media/";

	private static final String MANIFEST = "backup.properties";

	private final DatabaseBackup database;

	private final MediaFiles media;

	ArchiveWriter(DatabaseBackup database, MediaFiles media) {
		this.database = database;
		this.media = media;
	}

	/**
	 * Writes an archive from the H2 copy (a zip file) and the media files there are now.
	 * A media file deleted meanwhile is left out.
	 * @return the number of media files in the archive
	 */
	int write(Path archive, Path databaseCopy, Instant now) throws IOException {
		int mediaFiles = 0;
		try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifest(now).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			try (ZipFile h2 = new ZipFile(databaseCopy.toFile())) {
				for (ZipEntry entry : h2.stream().toList()) {
					String entryName = entry.getName();
					if (entry.isDirectory() || entryName.contains("..") || entryName.startsWith("/")) {
						continue;
					}
					ZipEntry copy = new ZipEntry(DATABASE_FOLDER + entryName);
					copy.setTime(now.toEpochMilli());
					zip.putNextEntry(copy);
					h2.getInputStream(entry).transferTo(zip);
					zip.closeEntry();
				}
			}
			zip.putNextEntry(new ZipEntry(MEDIA_FOLDER));
			zip.closeEntry();
			// Images are compressed already: store them as they are, quickly.
			zip.setLevel(Deflater.NO_COMPRESSION);
			for (MediaFiles.Entry stored : this.media.list()) {
				if (addMediaFile(zip, stored, now)) {
					mediaFiles++;
				}
			}
		}
		return mediaFiles;
	}

	private boolean addMediaFile(ZipOutputStream zip, MediaFiles.Entry file, Instant now) throws IOException {
		// Once open, a file can be read to the end even if it is deleted meanwhile.
		Optional<InputStream> content = this.media.open(file);
		if (content.isEmpty()) {
			return false;
		}
		try (InputStream in = content.get()) {
			ZipEntry entry = new ZipEntry(MEDIA_FOLDER + file.name());
			entry.setTime(now.toEpochMilli());
			zip.putNextEntry(entry);
			in.transferTo(zip);
			zip.closeEntry();
		}
		return true;
	}

	private String manifest(Instant now) throws IOException {
		return """
				# Shimbun backup: restore with bin/restore-h2.sh (docs/backup.md)
				format=1
				created=%s
				database=h2
				database.version=%s
				media.location=%s
				""".formatted(now, this.database.version(), this.media.location());
	}

}
