package dev.shimbun.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.shimbun.cluster.ContentChanged.Topic;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance of the cluster what changed, through the shared database: a change
 * is written to {@code cluster_event} in the transaction that makes it, announced on this
 * instance once that transaction commits, and announced on the other instances when they
 * next poll (every second by default). Works the same on H2 and PostgreSQL, and needs
 * nothing beside the database.
 */
@Service
public class ClusterEvents {

	private static final Logger logger = LoggerFactory.getLogger(ClusterEvents.class);

	/** How far back a poll looks, in ids, for rows that committed late. */
	private static final int LATE_WINDOW = 1000;

	private final ClusterEventLog log;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final String origin = UUID.randomUUID().toString();

	/** Ids of rows already seen, newest last, bounded. */
	private final Set<Long> seen = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
			return size() > 10 * LATE_WINDOW;
		}

	});

	private long highest;

	ClusterEvents(ClusterEventLog log, ApplicationEventPublisher publisher, Clock clock) {
		this.log = log;
		this.publisher = publisher;
		this.clock = clock;
		this.highest = log.highestId();
		// what was announced before this instance started is already in the database
		this.seen.addAll(log.idsAfter(this.highest - LATE_WINDOW));
	}

	/**
	 * Announces a change: to this instance after the current transaction commits (at once
	 * without one), to the others within a poll interval.
	 */
	public void changed(Topic topic, Object key) {
		String item = (key != null) ? String.valueOf(key) : null;
		this.log.append(topic.name(), item, this.origin, this.clock.instant());
		ContentChanged event = new ContentChanged(topic, item, true);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ClusterEvents.this.publisher.publishEvent(event);
				}
			});
		}
		else {
			this.publisher.publishEvent(event);
		}
	}

	/** Announces here the changes other instances made since the last poll. */
	@Scheduled(fixedDelayString = "#{@shimbunProperties.cluster().pollInterval()}", initialDelayString = "1s")
	public synchronized void poll() {
		for (ClusterEventLog.Entry row : this.log.after(this.highest - LATE_WINDOW)) {
			if (!this.seen.add(row.id())) {
				continue;
			}
			this.highest = Math.max(this.highest, row.id());
			if (this.origin.equals(row.origin())) {
				continue;
			}
			try {
				this.publisher.publishEvent(new ContentChanged(Topic.valueOf(row.topic()), row.key(), false));
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Ignoring an unknown change topic {}", row.topic());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not apply the change {} {}: {}", row.topic(), row.key(), ex.getMessage());
			}
		}
	}

	/** Deletes announcements every instance has long read; once per cluster. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "cluster-event-cleanup", lockAtLeastFor = "PT1M")
	public void deleteOld() {
		try {
			this.log.deleteBefore(this.clock.instant().minus(Duration.ofMinutes(10)));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not delete old change announcements: {}", ex.getMessage());
		}
	}

}
