package dev.shimbun.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The time of the next scheduled change on the site, the earliest that the features tell
 * ({@link ScheduledChanges}). It is looked up when something changes, or in the
 * background once that time has passed, never while a reader waits. While a look-up fails
 * (the database unavailable) no change is due, and it is tried again in the background
 * until it answers.
 */
@Component
class ScheduleWatch {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleWatch.class);

	/** How soon a failed look-up is tried again. */
	private static final Duration RETRY = Duration.ofSeconds(5);

	private final List<ScheduledChanges> schedules;

	private final Clock clock;

	private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "page-cache-schedule");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean backgroundPending = new AtomicBoolean();

	private volatile Instant next = Instant.MIN;

	ScheduleWatch(List<ScheduledChanges> schedules, Clock clock) {
		this.schedules = List.copyOf(schedules);
		this.clock = clock;
	}

	/** Whether the time of the next scheduled change has come. */
	boolean due() {
		return !this.clock.instant().isBefore(this.next);
	}

	/**
	 * Looks up the next change in the background; until then, none is due (so that the
	 * requests that come meanwhile do not all act on the change that came).
	 */
	void lookUpLater() {
		this.next = Instant.MAX;
		lookUpInBackground(Duration.ZERO);
	}

	/** Looks up the next change now, when something changed. */
	void lookUp() {
		try {
			this.next = nextChange();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not look up the next scheduled change", ex);
			this.next = Instant.MAX;
			lookUpInBackground(RETRY);
		}
	}

	private void lookUpInBackground(Duration delay) {
		if (this.backgroundPending.compareAndSet(false, true)) {
			try {
				this.background.schedule(() -> {
					this.backgroundPending.set(false);
					lookUp();
				}, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				this.backgroundPending.set(false);
			}
		}
	}

	private Instant nextChange() {
		Instant now = this.clock.instant();
		Instant next = Instant.MAX;
		for (ScheduledChanges schedule : this.schedules) {
			Optional<Instant> time = schedule.nextAfter(now);
			if (time.isPresent() && time.get().isBefore(next)) {
				next = time.get();
			}
		}
		return next;
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

}
