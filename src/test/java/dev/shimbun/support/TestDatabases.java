package dev.shimbun.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the tests run on. By default every Spring context gets its own in-memory
 * H2 database (src/test/resources/config/application.properties). With the system
 * property {@code shimbun.test.database=postgresql} (the second Surefire run of
 * {@code ./mvnw verify}), every context gets its own fresh database in one real
 * PostgreSQL server started from the embedded binaries for this JVM.
 */
public final class TestDatabases {

	/** The system property that chooses the database. */
	public static final String PROPERTY = "shimbun.test.database";

	private static final AtomicInteger created = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestDatabases() {
	}

	/** Whether this run uses PostgreSQL. */
	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty(PROPERTY));
	}

	/**
	 * The one PostgreSQL server of this JVM, started on first use and stopped when the
	 * JVM exits.
	 */
	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("max_connections", "500").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
			}
		}
		return server;
	}

	/**
	 * Creates an empty database and returns its JDBC URL (user postgres, no password).
	 */
	public static String newPostgresDatabase() {
		String name = "shimbun_" + created.incrementAndGet();
		EmbeddedPostgres postgres = server();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

}
