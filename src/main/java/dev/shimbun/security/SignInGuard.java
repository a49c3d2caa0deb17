package dev.shimbun.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.shimbun.ShimbunProperties;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-in tries after too many failures for one account or from one address
 * within a window (5 in 15 minutes by default). The attempts live in the database, so the
 * limit holds across instances. A successful sign-in clears the account's failures, not
 * the address's.
 */
@Service
@Transactional(readOnly = true)
class SignInGuard {

	private final SignInAttemptRepository attempts;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	SignInGuard(SignInAttemptRepository attempts, Clock clock, ShimbunProperties properties) {
		this.attempts = attempts;
		this.clock = clock;
		this.maxFailures = properties.admin().maxFailedSignIns();
		this.window = properties.admin().signInWindow();
	}

	/** When the account or address may try again, if it may not now. */
	Optional<Instant> lockedUntil(String username, String client) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.window);
		Instant lastSuccess = this.attempts.lastSuccessFor(username);
		Instant accountSince = (lastSuccess != null && lastSuccess.isAfter(windowStart)) ? lastSuccess : windowStart;
		PageRequest limit = PageRequest.of(0, this.maxFailures);
		Optional<Instant> account = until(this.attempts.failuresForUsername(username, accountSince, limit));
		Optional<Instant> address = until(this.attempts.failuresFromClient(client, windowStart, limit));
		return account.isPresent() && address.isPresent()
				? Optional.of(account.get().isAfter(address.get()) ? account.get() : address.get())
				: account.or(() -> address);
	}

	private Optional<Instant> until(List<SignInAttempt> newestFailures) {
		if (newestFailures.size() < this.maxFailures) {
			return Optional.empty();
		}
		// The oldest of the last N failures leaves the window at this time.
		return Optional.of(newestFailures.get(this.maxFailures - 1).getAttemptedAt().plus(this.window));
	}

	/** Recorded in its own transaction: a failed sign-in rolls nothing else back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(String username, String client, boolean succeeded) {
		this.attempts
			.save(new SignInAttempt(truncate(username, 60), truncate(client, 64), this.clock.instant(), succeeded));
		this.attempts.deleteOlderThan(this.clock.instant().minus(Duration.ofDays(1)));
	}

	private static String truncate(String value, int length) {
		return (value.length() > length) ? value.substring(0, length) : value;
	}

}
