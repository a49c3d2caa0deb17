package dev.shimbun.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's file from growing without end, by doing what H2's
 * background thread does when it has one: moving the few live pages out of mostly dead
 * chunks, so that those chunks can be freed and their space used again.
 * <p>
 * Why: with {@code WRITE_DELAY=0} (which durable commits need, see {@link H2FileSync}) H2
 * writes a chunk of the file for every commit and runs no background thread, and that
 * thread is also what rewrites chunks. A chunk is freed only when every page in it is
 * dead, and most chunks keep a page or two that no later commit changes (a leaf of an
 * index on a random key, such as the client hash of comments). Without the rewriting
 * nearly every chunk stays: comments posted as fast as possible grew the file to 350 MB
 * after 20 000 (7 MB with H2's defaults), in chunks 1 to 5% live. H2 offers no SQL for
 * this, so it is done with its storage engine's own {@link MVStore#compact(int, int)} on
 * the database this application has open, every few seconds, a bounded amount each time;
 * the rewritten pages are then synced like any commit. The file does not shrink (H2 does
 * that when it closes, for at most {@code MAX_COMPACT_TIME}), but its free space is used
 * again: dead chunks are freed 45 seconds ({@code RETENTION_TIME}) after they died.
 * <p>
 * This reaches into H2's engine ({@code JdbcConnection.getSession()} is marked internal):
 * if a later H2 no longer allows it, a warning says so once and the file grows as above
 * until the application is restarted. Nothing is done for PostgreSQL, an in-memory
 * database or an H2 server (which runs its own).
 */
@Component
class H2FileHousekeeping {

	private static final Logger logger = LoggerFactory.getLogger(H2FileHousekeeping.class);

	/** Compact when the chunks hold less live data than this, in percent. */
	static final int TARGET_FILL_RATE = 80;

	/** The most live bytes moved in one run. */
	static final int WRITE_LIMIT = 1024 * 1024;

	private final DataSource dataSource;

	private final DurableCommits durable;

	private volatile boolean active;

	@Autowired
	H2FileHousekeeping(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails,
			DurableCommits durable) {
		this(dataSource, keepsFiles(connectionDetails.getIfAvailable()), durable);
	}

	H2FileHousekeeping(DataSource dataSource, boolean active, DurableCommits durable) {
		this.dataSource = dataSource;
		this.active = active;
		this.durable = durable;
	}

	private static boolean keepsFiles(JdbcConnectionDetails details) {
		return details != null && details.getJdbcUrl() != null && H2FileSync.keepsFiles(details.getJdbcUrl());
	}

	/**
	 * Rewrites the live pages of some mostly dead chunks, and syncs them.
	 * @return whether anything was rewritten
	 */
	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT1M")
	boolean compact() {
		if (!this.active) {
			return false;
		}
		boolean rewritten;
		try (Connection connection = this.dataSource.getConnection()) {
			MVStore store = mvStore(connection);
			if (store == null) {
				this.active = false;
				return false;
			}
			rewritten = store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
		}
		catch (SQLException ex) {
			logger.warn("Could not compact the database file: {}", ex.getMessage());
			return false;
		}
		catch (LinkageError | RuntimeException ex) {
			this.active = false;
			logger.warn("Cannot compact the database file while it is open with this H2 version; "
					+ "it grows until the application is restarted", ex);
			return false;
		}
		if (rewritten) {
			this.durable.awaitDurable();
		}
		return rewritten;
	}

	/** The storage of the embedded database of this connection; null for an H2 server. */
	static MVStore mvStore(Connection connection) throws SQLException {
		Session session = connection.unwrap(JdbcConnection.class).getSession();
		if (!(session instanceof SessionLocal local)) {
			return null;
		}
		return local.getDatabase().getStore().getMvStore();
	}

}
