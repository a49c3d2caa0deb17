package dev.shimbun.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database and the media files, one zip archive each in
 * the backup directory ({@code shimbun.backup.dir}, by default {@code backups} under
 * {@code shimbun.data-dir}):
 *
 * <pre>
 * shimbun-20250610-033000.zip
 *   backup.properties      what the archive holds
 *   database/shimbun.mv.db the database, from H2's BACKUP TO (consistent, taken online)
 *   media/ab/ab12.../original, 640, 1280 ...
 * </pre>
 *
 * The database is copied first, then the media files, so a file deleted in between is
 * missing from the archive, and a file uploaded in between is an unused extra. An archive
 * is written under a hidden name, forced to the disk and renamed when complete.
 * {@code bin/restore-h2.sh} restores one with the application stopped. PostgreSQL is
 * backed up with {@code bin/backup-postgres.sh}; see docs/backup.md.
 */
@Service
class BackupService {

	static final String DATABASE_FOLDER = "database/";

	static final String MEDIA_FOLDER = "media/";

	static final String MANIFEST = "backup.properties";

	private static final Logger logger = LoggerFactory.getLogger(BackupService.class);

	private static final Pattern NAME = Pattern.compile("shimbun-[0-9]{8}-[0-9]{6}(-[0-9]{1,3})?\\.zip");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final DataSource dataSource;

	private final AuditService audit;

	private final Clock clock;

	private final ZoneId zone;

	private final Path directory;

	private final Path media;

	private final int keep;

	private final String cron;

	private final ReentrantLock running = new ReentrantLock();

	private volatile BackupMode mode;

	BackupService(DataSource dataSource, AuditService audit, Clock clock, ShimbunProperties properties) {
		this.dataSource = dataSource;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.directory = properties.backupDirectory();
		this.media = properties.mediaDirectory();
		this.keep = properties.backup().keep();
		this.cron = properties.backup().cron();
	}

	/** How the database in use is backed up. */
	BackupMode mode() {
		BackupMode mode = this.mode;
		if (mode == null) {
			mode = detectMode();
			this.mode = mode;
		}
		return mode;
	}

	/** The directory the archives are written to. */
	Path directory() {
		return this.directory;
	}

	/** The number of archives kept, 0 for all. */
	int keep() {
		return this.keep;
	}

	/** The cron expression of scheduled backups, if there are any. */
	Optional<String> schedule() {
		boolean off = this.cron == null || this.cron.isBlank() || Scheduled.CRON_DISABLED.equals(this.cron.strip());
		return off ? Optional.empty() : Optional.of(this.cron.strip());
	}

	/** The archives in the backup directory, newest first. */
	List<BackupView> list() {
		List<BackupView> backups = new ArrayList<>();
		for (Path file : archives()) {
			try {
				backups.add(new BackupView(file.getFileName().toString(), Files.size(file),
						Files.getLastModifiedTime(file).toInstant().atZone(this.zone)));
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

	/** Takes a backup for the signed-in staff member, and writes it to the audit log. */
	BackupView create() {
		BackupView backup = write();
		this.audit.record(AuditAction.BACKUP_CREATED, "backup", backup.name(), backup.byteSizeText());
		return backup;
	}

	/** Takes a scheduled backup ({@code shimbun.backup.cron}). */
	BackupView createScheduled() {
		BackupView backup = write();
		this.audit.recordAs("system", AuditAction.BACKUP_CREATED, "backup", backup.name(), backup.byteSizeText());
		return backup;
	}

	private BackupView write() {
		if (mode() != BackupMode.H2) {
			throw new BackupException("backups.error.unsupported", "The database in use is not backed up by the app",
					null);
		}
		if (!this.running.tryLock()) {
			throw new BackupException("backups.error.running", "A backup is being taken already", null);
		}
		try {
			Files.createDirectories(this.directory);
			Instant now = this.clock.instant();
			Path target = freeName(STAMP.format(now.atZone(this.zone)));
			String name = target.getFileName().toString();
			Path database = this.directory.resolve("." + name + ".database");
			Path partial = this.directory.resolve("." + name + ".partial");
			try {
				long started = System.nanoTime();
				Files.deleteIfExists(database);
				new JdbcTemplate(this.dataSource).execute("BACKUP TO " + quote(database.toString()));
				int mediaFiles = writeArchive(partial, database, now);
				// on the disk before it has its name, and its name on the disk before
				// "created" is shown: a power loss right after leaves the archive whole
				forceFile(partial);
				move(partial, target);
				forceDirectory(this.directory);
				Path parent = this.directory.toAbsolutePath().getParent();
				if (parent != null) {
					forceDirectory(parent);
				}
				logger.info("Backup {} written ({} media files, {} ms)", target, mediaFiles,
						(System.nanoTime() - started) / 1_000_000);
			}
			finally {
				Files.deleteIfExists(database);
				Files.deleteIfExists(partial);
			}
			prune(target);
			return new BackupView(name, Files.size(target),
					Files.getLastModifiedTime(target).toInstant().atZone(this.zone));
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Backup failed", ex);
			throw new BackupException("backups.error.failed", "Backup failed: " + ex.getMessage(), ex);
		}
		finally {
			this.running.unlock();
		}
	}

	private int writeArchive(Path archive, Path database, Instant now) throws IOException {
		int mediaFiles = 0;
		try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifest(now).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			try (ZipFile h2 = new ZipFile(database.toFile())) {
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
			if (Files.isDirectory(this.media)) {
				// Images are compressed already: store them as they are, quickly.
				zip.setLevel(Deflater.NO_COMPRESSION);
				for (Path path : mediaFiles()) {
					if (addMediaFile(zip, path)) {
						mediaFiles++;
					}
				}
			}
		}
		return mediaFiles;
	}

	private List<Path> mediaFiles() throws IOException {
		try (Stream<Path> paths = Files.walk(this.media)) {
			return paths.filter(Files::isRegularFile)
				// a file being written by LocalMediaStorage: ".{variant}-....tmp"
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private boolean addMediaFile(ZipOutputStream zip, Path path) throws IOException {
		InputStream in;
		FileTime modified;
		try {
			modified = Files.getLastModifiedTime(path);
			// Once open, the file can be read to the end even if it is deleted meanwhile.
			in = Files.newInputStream(path);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		try (in) {
			String relative = this.media.relativize(path).toString().replace('\\', '/');
			ZipEntry entry = new ZipEntry(MEDIA_FOLDER + relative);
			entry.setLastModifiedTime(modified);
			zip.putNextEntry(entry);
			in.transferTo(zip);
			zip.closeEntry();
		}
		return true;
	}

	private String manifest(Instant now) throws IOException {
		String version;
		try (Connection connection = this.dataSource.getConnection()) {
			version = connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
		return """
				# Shimbun backup: restore with bin/restore-h2.sh (docs/backup.md)
				format=1
				created=%s
				database=h2
				database.version=%s
				media.dir=%s
				""".formatted(now, version, this.media.toString().replace("\\", "/"));
	}

	private Path freeName(String stamp) {
		Path target = this.directory.resolve("shimbun-" + stamp + ".zip");
		for (int i = 2; Files.exists(target) && i < 1000; i++) {
			target = this.directory.resolve("shimbun-" + stamp + "-" + i + ".zip");
		}
		return target;
	}

	/** Deletes all but the newest archives, never the one just written. */
	private void prune(Path written) {
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
		archives.sort(Comparator.comparing(BackupService::stamp).reversed());
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

	private BackupMode detectMode() {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String product = metaData.getDatabaseProductName();
			if ("PostgreSQL".equalsIgnoreCase(product)) {
				return BackupMode.POSTGRESQL;
			}
			if ("H2".equalsIgnoreCase(product)) {
				// null for an in-memory database, which BACKUP TO refuses
				String path = new JdbcTemplate(this.dataSource).queryForObject("SELECT DATABASE_PATH()", String.class);
				return (path != null) ? BackupMode.H2 : BackupMode.UNSUPPORTED;
			}
			return BackupMode.UNSUPPORTED;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell which database is in use", ex);
		}
	}

	private static void forceFile(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
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

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target);
		}
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
