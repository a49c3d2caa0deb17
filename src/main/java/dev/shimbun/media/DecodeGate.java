package dev.shimbun.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets at most a few images be decoded at a time, so that uploads cannot take the memory
 * and the processors that readers' pages need. A decode that cannot start within the wait
 * is refused as busy (429 with {@code Retry-After}) instead of queueing.
 */
final class DecodeGate {

	/** What a refused upload is told to wait before trying again, in seconds. */
	static final int RETRY_AFTER_SECONDS = 30;

	private final Semaphore permits;

	private final Duration wait;

	DecodeGate(int concurrentDecodes, Duration wait) {
		if (concurrentDecodes < 1) {
			throw new IllegalArgumentException("At least one decode at a time: " + concurrentDecodes);
		}
		this.permits = new Semaphore(concurrentDecodes, true);
		this.wait = wait;
	}

	/**
	 * Runs the work once a decode may start.
	 * @throws MediaRejectedException {@code media.error.busy} when none could start
	 * within the wait
	 */
	<T> T decode(Supplier<T> work) {
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw MediaRejectedException.busy(RETRY_AFTER_SECONDS);
		}
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

}
