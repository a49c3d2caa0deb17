package dev.shimbun.comment;

import java.time.Duration;

/** A client pressed reactions faster than the site allows. */
public class ReactionsRateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	ReactionsRateLimitedException(Duration retryAfter) {
		super("Too many reactions from one client", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
