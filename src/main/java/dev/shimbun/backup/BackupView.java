package dev.shimbun.backup;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * One backup archive in the backup directory.
 *
 * @param name file name, such as {@code shimbun-20250610-033000.zip}
 * @param byteSize size of the archive
 * @param createdAt when it was written, in the site's time zone
 */
record BackupView(String name, long byteSize, ZonedDateTime createdAt) {

	public String byteSizeText() {
		if (this.byteSize < 1024) {
			return this.byteSize + " B";
		}
		if (this.byteSize < 1024 * 1024) {
			return Math.round(this.byteSize / 1024.0) + " KB";
		}
		if (this.byteSize < 1024L * 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", this.byteSize / (1024.0 * 1024.0));
		}
		return String.format(Locale.ROOT, "%.2f GB", this.byteSize / (1024.0 * 1024.0 * 1024.0));
	}

}
