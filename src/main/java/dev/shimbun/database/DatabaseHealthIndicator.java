package dev.shimbun.database;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code database} health: UP while the database answers, DOWN from the moment a
 * connection fails until the next probe gets an answer. Answers from memory, at once: the
 * readiness probe never waits for the database itself. Part of the readiness group (not
 * of liveness: an instance without its database is to be taken out of the load balancer,
 * not restarted).
 */
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseAvailability availability;

	DatabaseHealthIndicator(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	public Health health() {
		Instant since = this.availability.unavailableSince();
		if (since == null) {
			return Health.up().build();
		}
		return Health.down().withDetail("unavailableSince", since.toString()).build();
	}

}
