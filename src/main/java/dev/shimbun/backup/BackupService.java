package dev.shimbun.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database and the media files, one zip archive each in
 * the backup directory:
 *
 * <pre>
 * shimbun-20250610-033000.zip
 *   backup.properties      what the archive holds
 *   database/shimbun.mv.db the database, from H2's BACKUP TO (consistent, taken online)
 *   media/ab/ab12.../original, 640, 1280 ...
 * </pre>
 *
 * One backup is taken at a time, and each is in the audit log. The database is copied
 * first ({@link DatabaseBackup}), then the archive is written with the media files
 * ({@link ArchiveWriter}), so a file deleted in between is missing from the archive, and
 * a file uploaded in between is an unused extra. An archive is written under a hidden
 * name and renamed when complete, and only the newest are kept ({@link BackupArchives}).
 * {@code bin/restore-h2.sh} restores one with the application stopped. PostgreSQL is
 * backed up with {@code bin/backup-postgres.sh}; see docs/backup.md.
 */
@Service
class BackupService {

	private static final Logger logger = LoggerFactory.getLogger(BackupService.class);

	private final DatabaseBackup database;

	private final BackupArchives archives;

	private final ArchiveWriter writer;

	private final AuditService audit;

	private final Clock clock;

	private final String cron;

	private final ReentrantLock running = new ReentrantLock();

	BackupService(DatabaseBackup database, BackupArchives archives, ArchiveWriter writer, AuditService audit,
			Clock clock, ShimbunProperties properties) {
		this.database = database;
		this.archives = archives;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
		this.cron = properties.backup().cron();
	}

	/** How the database in use is backed up. */
	BackupMode mode() {
		return this.database.mode();
	}

	/** The directory the archives are written to. */
	Path directory() {
		return this.archives.directory();
	}

	/** The number of archives kept, 0 for all. */
	int keep() {
		return this.archives.keep();
	}

	/** The cron expression of scheduled backups, if there are any. */
	Optional<String> schedule() {
		boolean off = this.cron == null || this.cron.isBlank() || Scheduled.CRON_DISABLED.equals(this.cron.strip());
		return off ? Optional.empty() : Optional.of(this.cron.strip());
	}

	/** The archives in the backup directory, newest first. */
	List<BackupView> list() {
		return this.archives.list();
	}

	/** The archive of this name, if there is one. */
	Optional<Path> find(String name) {
		return this.archives.find(name);
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
			Instant now = this.clock.instant();
			Path target = this.archives.newArchive(now);
			Path databaseCopy = this.archives.hidden(target, ".database");
			Path partial = this.archives.hidden(target, ".partial");
			try {
				long started = System.nanoTime();
				this.database.copyTo(databaseCopy);
				int mediaFiles = this.writer.write(partial, databaseCopy, now);
				this.archives.publish(partial, target);
				logger.info("Backup {} written ({} media files, {} ms)", target, mediaFiles,
						(System.nanoTime() - started) / 1_000_000);
			}
			finally {
				Files.deleteIfExists(databaseCopy);
				Files.deleteIfExists(partial);
			}
			this.archives.prune(target);
			return this.archives.view(target);
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Backup failed", ex);
			throw new BackupException("backups.error.failed", "Backup failed: " + ex.getMessage(), ex);
		}
		finally {
			this.running.unlock();
		}
	}

}
