package dev.shimbun.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Whether the database answers now. Set by every failure to get a connection (through
 * {@link AvailabilityCheckingDataSource}) and by a probe every second on a thread of its
 * own, so that readiness, the page cache and the background jobs know within seconds when
 * the database is gone and when it is back, without waiting for a connection themselves.
 * While it is unavailable, asking for a connection fails at once instead of waiting for
 * the pool's timeout. An outage is logged as one WARN line when it starts and one INFO
 * line when it ends.
 */
public class DatabaseAvailability implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DataSource pool;

	private final Duration probeInterval;

	private final int probeTimeoutSeconds;

	private final Clock clock;

	/** {@code null} while the database answers; when it stopped answering otherwise. */
	private final AtomicReference<Instant> unavailableSince = new AtomicReference<>();

	private ScheduledExecutorService prober;

	/**
	 * @param pool the connection pool itself (not the checking data source around it)
	 */
	public DatabaseAvailability(DataSource pool, Duration probeInterval, Duration probeTimeout, Clock clock) {
		this.pool = pool;
		this.probeInterval = probeInterval;
		this.probeTimeoutSeconds = (int) Math.max(1, probeTimeout.toSeconds());
		this.clock = clock;
	}

	/** Whether the database answered the last time anyone asked. */
	public boolean available() {
		return this.unavailableSince.get() == null;
	}

	/** When the current outage started, or {@code null}. */
	public Instant unavailableSince() {
		return this.unavailableSince.get();
	}

	/**
	 * A connection could not be made or was lost: the database is unavailable until a
	 * probe gets an answer again.
	 */
	public void lost(Throwable failure) {
		Instant now = this.clock.instant();
		if (this.unavailableSince.compareAndSet(null, now)) {
			logger.warn("The database is unavailable ({}); pages are served from the page cache, other requests get "
					+ "503 and background work waits until it answers again", summary(failure));
		}
	}

	/** The database answered: it is available again (the probe says so; tests too). */
	public void answered() {
		Instant since = this.unavailableSince.getAndSet(null);
		if (since != null) {
			logger.info("The database answers again after {} s unavailable",
					Duration.between(since, this.clock.instant()).toMillis() / 1000.0);
		}
	}

	/** Asks the pool for a connection and the database for a sign of life. */
	void probe() {
		try (Connection connection = this.pool.getConnection()) {
			if (connection.isValid(this.probeTimeoutSeconds)) {
				answered();
			}
			else {
				lost(new SQLException("no answer to a validity check within " + this.probeTimeoutSeconds + " s",
						"08006"));
			}
		}
		catch (SQLException ex) {
			if (DatabaseUnavailable.connectionFailure(ex)) {
				lost(ex);
			}
			// else busy (every pooled connection in use): it answers, just not to us
		}
		catch (RuntimeException ex) {
			logger.debug("Database probe failed", ex);
		}
	}

	// a cause that is its own cause ends the chain: identity, not equality
	@SuppressWarnings("PMD.CompareObjectsWithEquals")
	private static String summary(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@Override
	public synchronized void start() {
		if (this.prober == null) {
			this.prober = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "database-probe");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.probeInterval.toMillis();
			this.prober.scheduleWithFixedDelay(this::probe, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.prober != null) {
			this.prober.shutdownNow();
			this.prober = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.prober != null;
	}

	@Override
	public int getPhase() {
		// stopped after the web server and the schedulers, which may still use it
		return Integer.MAX_VALUE - 2048;
	}

}
