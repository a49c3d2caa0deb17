package dev.shimbun.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, once per cluster: sign-in tries and lock rows older than a day go.
 */
@Component
class SignInCleanup {

	private final SignInGuard guard;

	SignInCleanup(SignInGuard guard) {
		this.guard = guard;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@SchedulerLock(name = "sign-in-cleanup", lockAtLeastFor = "PT1M")
	void removeOldTries() {
		this.guard.removeOlderThanADay();
	}

}
