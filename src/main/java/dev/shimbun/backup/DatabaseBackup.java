package dev.shimbun.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's part of a backup: which database is in use and so how it is backed up
 * ({@link BackupMode}), and for the embedded H2 database in a file, a consistent copy
 * taken online with H2's {@code BACKUP TO}. PostgreSQL is backed up outside the
 * application ({@code bin/backup-postgres.sh}).
 */
@Component
class DatabaseBackup {

	private final DataSource dataSource;

	private volatile BackupMode mode;

	DatabaseBackup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** How the database in use is backed up; asked of the database once. */
	BackupMode mode() {
		BackupMode mode = this.mode;
		if (mode == null) {
			mode = detectMode();
			this.mode = mode;
		}
		return mode;
	}

	/**
	 * Writes a copy of the H2 database to a zip file ({@code shimbun.mv.db} inside),
	 * replacing any file of that name. Only for {@link BackupMode#H2}.
	 */
	void copyTo(Path zip) throws IOException {
		Files.deleteIfExists(zip);
		new JdbcTemplate(this.dataSource).execute("BACKUP TO " + quote(zip.toString()));
	}

	/** The version of the database in use, as its driver reports it. */
	String version() throws IOException {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
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

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
