package dev.shimbun.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Every minute, once per cluster: expired staff sessions are deleted. Spring Session's
 * own clean-up is off ({@code spring.session.jdbc.cleanup-cron=-}): it would run on every
 * instance, on a scheduler of its own that logs a stack trace every minute while the
 * database is unavailable; this one waits quietly, like the other background jobs.
 */
@Component
class SessionCleanup {

	private final JdbcIndexedSessionRepository sessions;

	SessionCleanup(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "0 * * * * *")
	@SchedulerLock(name = "session-cleanup", lockAtLeastFor = "PT30S")
	void removeExpiredSessions() {
		this.sessions.cleanUpExpiredSessions();
	}

}
