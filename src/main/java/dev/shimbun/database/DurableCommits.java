package dev.shimbun.database;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Nothing is acknowledged before it is on disk: a transaction that wrote (a comment, a
 * report, an edit, a media item, a list change, a staff session) returns to its caller
 * only once the database file has been forced to the disk after its commit, so a
 * {@code kill -9} or a power loss right after the reader or editor is told "saved" loses
 * nothing.
 * <p>
 * Why this is needed: the embedded H2 database does not do it on its own. H2 (MVStore)
 * writes committed changes to its file in the background, every {@code WRITE_DELAY} (500
 * ms by default), and never forces the file on commit; with {@code WRITE_DELAY=0} it
 * writes each commit at once, into the operating system's cache, where a power loss can
 * still take it. PostgreSQL forces its log on every commit ({@code synchronous_commit} on
 * by default) and an in-memory database has nothing to keep, so for them this does
 * nothing.
 * <p>
 * Forcing a file takes a disk round trip, the same however many commits it covers. The
 * commits of concurrent requests therefore share one sync (group commit): the first
 * transaction to finish its commit starts a sync ({@code CHECKPOINT SYNC}: H2 writes what
 * it has not written yet and forces the file), and the transactions that commit while it
 * runs wait for it to end, then start the next one together. A transaction is released by
 * the first sync that started after its commit, never by one already running, which may
 * have missed it. When a sync fails, every transaction waiting for it fails with an
 * exception (committed, but not known to be durable): the request ends in an error page
 * instead of "saved".
 * <p>
 * Spring Boot adds every {@link TransactionExecutionListener} bean to the transaction
 * manager it configures, which runs {@link #afterCommit} after the commit and before the
 * transactional method returns, so before any controller answers. Read-only transactions
 * and transactions joined by another one are not waited for (the outer one is). Writes
 * outside a transaction (auto-commit) are not covered: writes that are acknowledged go
 * through a transaction. Metrics: {@code shimbun.database.syncs} (a timer: syncs and
 * their duration) and {@code shimbun.database.sync.waits} (commits that waited for one).
 */
@Component
class DurableCommits implements TransactionExecutionListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DurableCommits.class);

	/**
	 * Forces what the database has committed to the disk; {@code null}: nothing to do.
	 */
	private final DatabaseSync sync;

	private final Timer syncs;

	private final Counter waits;

	private final Object monitor = new Object();

	/** Syncs started so far; a sync's number is the value after it started. */
	private long started;

	/** Syncs ended so far, successfully or not. */
	private long finished;

	/** The number of the last sync that failed, 0 if none has. */
	private long lastFailed;

	private Throwable lastFailure;

	@Autowired
	DurableCommits(ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<MeterRegistry> meters) {
		this(H2FileSync.of(connectionDetails.getIfAvailable()), meters.getIfAvailable(CompositeMeterRegistry::new));
	}

	DurableCommits(DatabaseSync sync, MeterRegistry meters) {
		this.sync = sync;
		this.syncs = Timer.builder("shimbun.database.syncs")
			.description("Syncs of the embedded database file to the disk, each covering the commits before it")
			.register(meters);
		this.waits = Counter.builder("shimbun.database.sync.waits")
			.description("Commits that waited for a sync of the embedded database file before returning")
			.register(meters);
		if (sync != null) {
			logger.info("Commits wait until the database file is synced to the disk ({})", sync);
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		if (commitFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
			awaitDurable();
		}
	}

	/**
	 * Returns once everything committed before this call is on the disk: after a sync
	 * that started after the call began, run by this thread or by another.
	 * @throws DataAccessResourceFailureException if that sync failed or the wait was
	 * interrupted
	 */
	void awaitDurable() {
		if (this.sync == null) {
			return;
		}
		this.waits.increment();
		long mine;
		synchronized (this.monitor) {
			// a sync running now may have started before the commit: the next one counts
			mine = this.started + 1;
			while (true) {
				if (this.finished >= mine) {
					if (this.lastFailed >= mine) {
						throw new DataAccessResourceFailureException(
								"Committed, but the database file could not be synced to the disk", this.lastFailure);
					}
					return;
				}
				if (this.started == this.finished) {
					// nobody is syncing: this thread runs the sync the others wait for
					this.started++;
					break;
				}
				try {
					this.monitor.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new DataAccessResourceFailureException(
							"Interrupted while waiting for the database file to be synced to the disk", ex);
				}
			}
		}
		lead();
	}

	/** Runs the sync this thread has started, and releases everybody waiting for it. */
	private void lead() {
		Throwable failure = null;
		long begin = System.nanoTime();
		try {
			this.sync.run();
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			this.syncs.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
			synchronized (this.monitor) {
				this.finished++;
				if (failure != null) {
					this.lastFailed = this.finished;
					this.lastFailure = failure;
				}
				this.monitor.notifyAll();
			}
		}
		if (failure != null) {
			logger.error("Could not sync the database file to the disk; the commits waiting for it fail", failure);
			throw new DataAccessResourceFailureException(
					"Committed, but the database file could not be synced to the disk", failure);
		}
	}

	/** How many syncs have ended, for tests and metrics. */
	long syncCount() {
		synchronized (this.monitor) {
			return this.finished;
		}
	}

	@Override
	public void destroy() throws Exception {
		if (this.sync != null) {
			this.sync.close();
		}
	}

	/** Forces what a database has committed to the disk. */
	interface DatabaseSync extends AutoCloseable {

		/** Returns when every commit made before the call is on the disk. */
		void run() throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

}
