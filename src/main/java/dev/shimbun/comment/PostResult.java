package dev.shimbun.comment;

import java.time.Duration;
import java.util.List;

/** What became of a comment a reader posted. */
public sealed interface PostResult {

	/** Stored: shown at once, or waiting for a moderator. */
	record Posted(Long id, boolean visible) implements PostResult {
	}

	/** Refused; nothing stored. Each problem names the field and the message. */
	record Refused(List<Problem> problems) implements PostResult {
	}

	/** Too many comments from this client; try again after the given time. */
	record RateLimited(Duration retryAfter) implements PostResult {
	}

	/** Filled in by a robot (the honeypot field): acknowledged, not stored. */
	record Ignored() implements PostResult {
	}

	/** A field and the message key (with arguments) that says what is wrong with it. */
	record Problem(String field, String messageKey, Object... arguments) {
	}

}
