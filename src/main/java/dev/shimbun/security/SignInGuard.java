package dev.shimbun.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses sign-in tries after too many failures for one account or from one address
 * within a window (5 in 15 minutes by default), until the oldest of those failures leaves
 * the window. A successful sign-in clears the account's failures, not the address's.
 * <p>
 * A try is counted before its password is checked: {@link #admit} takes the lock row of
 * the address and then of the account ({@code sign_in_lock}, always in that order),
 * counts the failures and records the try as failed, all in one short transaction; only
 * then is the password checked, and a success turns the record into one
 * ({@link #succeeded}). Concurrent tries, on this instance or another, are thus counted
 * one after the other, and a burst gets at most 5 password checks.
 */
@Service
class SignInGuard {

	private static final Logger logger = LoggerFactory.getLogger(SignInGuard.class);

	private static final String CLIENT_KEY = "client:";

	private static final String ACCOUNT_KEY = "account:";

	/** The longest client address kept. */
	static final int MAX_CLIENT_LENGTH = 64;

	/** Tries of the locking transaction (lock rows to create, lock time-outs). */
	private static final int MAX_ROUNDS = 6;

	private final SignInAttemptRepository attempts;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	SignInGuard(SignInAttemptRepository attempts, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			Clock clock, ShimbunProperties properties) {
		this.attempts = attempts;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.maxFailures = properties.admin().maxFailedSignIns();
		this.window = properties.admin().signInWindow();
	}

	/**
	 * Decides whether a try may check its password, and if so records it as a failure
	 * until {@link #succeeded} says otherwise.
	 * @param username the name tried, as {@link SignInNames#forRecord} makes it
	 * @param client the address it comes from
	 */
	Admission admit(String username, String client) {
		String address = (client.length() > MAX_CLIENT_LENGTH) ? client.substring(0, MAX_CLIENT_LENGTH) : client;
		for (int round = 1; round <= MAX_ROUNDS; round++) {
			try {
				Decision decision = this.transactions.execute((status) -> decide(username, address));
				if (decision.missingLock() == null) {
					return decision.admission();
				}
				createLock(decision.missingLock());
			}
			catch (TransientDataAccessException ex) {
				logger.debug("Sign-in lock busy, round {}", round, ex);
			}
		}
		logger.warn("Sign-in refused: its lock stayed busy after {} rounds", MAX_ROUNDS);
		return Admission.BUSY;
	}

	/** The admitted try signed in. */
	void succeeded(Admission admission) {
		this.transactions.executeWithoutResult((status) -> this.attempts.markSucceeded(admission.attemptId()));
	}

	/**
	 * Forgets an admitted try that signed in, for machines that sign in with every
	 * request: their successes neither fill the table nor clear the account's failures.
	 */
	void forget(Admission admission) {
		this.transactions.executeWithoutResult((status) -> this.attempts.deleteById(admission.attemptId()));
	}

	/** Removes tries and lock rows older than a day. */
	void removeOlderThanADay() {
		Instant before = this.clock.instant().minus(Duration.ofDays(1));
		this.transactions.executeWithoutResult((status) -> {
			this.attempts.deleteOlderThan(before);
			this.jdbc.update("DELETE FROM sign_in_lock WHERE used_at < ?", utc(before));
		});
	}

	private Decision decide(String username, String client) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.window);
		String clientKey = CLIENT_KEY + client;
		if (!lock(clientKey, now)) {
			return Decision.missing(clientKey);
		}
		Optional<Instant> byClient = until(this.attempts.failuresFromClient(client, windowStart, limit()));
		if (byClient.isPresent()) {
			return Decision.of(Admission.locked(later(byClient.get(), accountLockedUntil(username, now))));
		}
		String accountKey = ACCOUNT_KEY + username;
		if (!lock(accountKey, now)) {
			return Decision.missing(accountKey);
		}
		Optional<Instant> byAccount = accountLockedUntil(username, now);
		if (byAccount.isPresent()) {
			return Decision.of(Admission.locked(byAccount.get()));
		}
		SignInAttempt attempt = this.attempts.save(new SignInAttempt(username, client, now, false));
		return Decision.of(Admission.admitted(attempt.getId()));
	}

	private Optional<Instant> accountLockedUntil(String username, Instant now) {
		Instant windowStart = now.minus(this.window);
		Instant lastSuccess = this.attempts.lastSuccessFor(username);
		Instant since = (lastSuccess != null && lastSuccess.isAfter(windowStart)) ? lastSuccess : windowStart;
		return until(this.attempts.failuresForUsername(username, since, limit()));
	}

	/** Takes the row lock of a key until the transaction ends; false if it has no row. */
	private boolean lock(String key, Instant now) {
		return this.jdbc.update("UPDATE sign_in_lock SET used_at = ? WHERE lock_key = ?", utc(now), key) == 1;
	}

	/** Creates a lock row in a transaction of its own; another try may have done so. */
	private void createLock(String key) {
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc
				.update("INSERT INTO sign_in_lock (lock_key, used_at) VALUES (?, ?)", key, utc(this.clock.instant())));
		}
		catch (DataIntegrityViolationException ex) {
			// created by a concurrent try
		}
	}

	private PageRequest limit() {
		return PageRequest.of(0, this.maxFailures);
	}

	private Optional<Instant> until(List<SignInAttempt> newestFailures) {
		if (newestFailures.size() < this.maxFailures) {
			return Optional.empty();
		}
		// The oldest of the last N failures leaves the window at this time.
		return Optional.of(newestFailures.get(this.maxFailures - 1).getAttemptedAt().plus(this.window));
	}

	private static Instant later(Instant one, Optional<Instant> other) {
		return other.filter((instant) -> instant.isAfter(one)).orElse(one);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** Whether a try may check its password. */
	record Admission(Long attemptId, Instant lockedUntil, boolean busy) {

		static final Admission BUSY = new Admission(null, null, true);

		static Admission admitted(Long attemptId) {
			return new Admission(attemptId, null, false);
		}

		static Admission locked(Instant until) {
			return new Admission(null, until, false);
		}

		boolean admitted() {
			return this.attemptId != null;
		}

	}

	/** What one locking transaction found: a decision, or a lock row to create first. */
	private record Decision(Admission admission, String missingLock) {

		static Decision of(Admission admission) {
			return new Decision(admission, null);
		}

		static Decision missing(String key) {
			return new Decision(null, key);
		}

	}

}
