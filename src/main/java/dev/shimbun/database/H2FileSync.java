package dev.shimbun.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Syncs an H2 database kept in files: {@code CHECKPOINT SYNC} writes what H2 has not
 * written yet and forces the file to the disk ({@code FileChannel.force}).
 * <p>
 * That covers every commit made before it only with {@code WRITE_DELAY=0}, which the
 * default URL sets and this sets again ({@code SET WRITE_DELAY 0}, kept in the database)
 * whenever it connects, in case a URL of the operator's leaves it out. With a delay, H2
 * writes commits in background threads, and a commit written there may still be on its
 * way to the file when a {@code CHECKPOINT} finds nothing left to write and forces the
 * file without it. With no delay there are no such threads: each commit is in the file
 * (in the operating system's cache, which survives the process, not a power loss) before
 * it returns, and setting the delay to 0 waits for what the threads had left.
 * <p>
 * It runs on a connection of its own, opened with the application's database settings
 * beside the connection pool, not on one borrowed from the pool: the transactions waiting
 * for a sync still hold their pooled connections, and when they hold all of them a sync
 * that needed one more would wait for a connection that none of them gives back. The
 * connection is opened at the first sync and again after a failure. After
 * {@link #close()} (the application stopping) each sync opens a connection for itself, so
 * that a last write on the way out (the view counts) is still synced without keeping the
 * database open.
 */
final class H2FileSync implements DurableCommits.DatabaseSync {

	private final String url;

	private final String username;

	private final String password;

	private Connection connection;

	private boolean closed;

	H2FileSync(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/**
	 * A sync for these connection settings, or {@code null} when the database keeps
	 * commits without one: any other database than H2 (PostgreSQL forces its log on
	 * commit), or an in-memory H2 database.
	 */
	static H2FileSync of(JdbcConnectionDetails details) {
		if (details == null || details.getJdbcUrl() == null || !keepsFiles(details.getJdbcUrl())) {
			return null;
		}
		return new H2FileSync(details.getJdbcUrl(), details.getUsername(), details.getPassword());
	}

	/**
	 * Whether a JDBC URL names an H2 database in files: {@code jdbc:h2:file:…},
	 * {@code jdbc:h2:./data/…} and the like, also through an H2 server
	 * ({@code jdbc:h2:tcp://host/…}), but not {@code jdbc:h2:mem:…}.
	 */
	static boolean keepsFiles(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("jdbc:h2:")) {
			return false;
		}
		String name = lower.substring("jdbc:h2:".length());
		if (name.startsWith("tcp://") || name.startsWith("ssl://")) {
			int path = name.indexOf('/', name.indexOf("//") + 2);
			name = (path < 0) ? "" : name.substring(path + 1);
		}
		return !name.startsWith("mem:");
	}

	@Override
	public synchronized void run() throws SQLException {
		if (this.closed) {
			try (Connection once = open()) {
				checkpointSync(once);
			}
			return;
		}
		if (this.connection == null) {
			this.connection = open();
		}
		try {
			checkpointSync(this.connection);
		}
		catch (SQLException ex) {
			// opened again by the next sync
			closeConnection();
			throw ex;
		}
	}

	private Connection open() throws SQLException {
		Connection connection = DriverManager.getConnection(this.url, this.username, this.password);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET WRITE_DELAY 0");
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return connection;
	}

	private static void checkpointSync(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT SYNC");
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		closeConnection();
	}

	private void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// it is not used again
			}
			this.connection = null;
		}
	}

	@Override
	public String toString() {
		int settings = this.url.indexOf(';');
		return "CHECKPOINT SYNC on " + ((settings < 0) ? this.url : this.url.substring(0, settings));
	}

}
