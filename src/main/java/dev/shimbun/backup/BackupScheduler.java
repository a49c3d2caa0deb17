package dev.shimbun.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes a backup at the times of {@code shimbun.backup.cron} (none by default), in the
 * site's time zone. Only the embedded H2 database is backed up this way.
 */
@Component
class BackupScheduler {

	private static final Logger logger = LoggerFactory.getLogger(BackupScheduler.class);

	private final BackupService backups;

	BackupScheduler(BackupService backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "#{@shimbunProperties.backup().cron()}", zone = "#{@shimbunProperties.site().zone().id}")
	void backUp() {
		if (this.backups.mode() != BackupMode.H2) {
			logger.warn("shimbun.backup.cron is set, but the application backs up only the embedded H2 database "
					+ "(database in use: {}); see docs/backup.md", this.backups.mode());
			return;
		}
		try {
			this.backups.createScheduled();
		}
		catch (BackupException ex) {
			logger.error("Scheduled backup not taken: {}", ex.getMessage());
		}
	}

}
