package dev.shimbun.backup;

/** How the database in use is backed up (docs/backup.md). */
enum BackupMode {

	/** The embedded H2 database in a file: the application backs it up itself. */
	H2,

	/** PostgreSQL: backed up with bin/backup-postgres.sh (pg_dump), outside the app. */
	POSTGRESQL,

	/** An in-memory or other database that the application cannot back up. */
	UNSUPPORTED

}
