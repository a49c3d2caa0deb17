package dev.shimbun.comment;

import java.time.Duration;

/**
 * What became of a comment a reader posted, or of its author's edit. A comment refused by
 * a rule of the site (comments closed, a banned word, the same text again) is not a
 * result: the service throws a {@link dev.shimbun.FieldRuleException}.
 */
public sealed interface PostResult {

	/**
	 * Stored: shown at once, or waiting for a moderator.
	 *
	 * @param thread the top-level comment of its thread (itself, or the one it replies
	 * to)
	 */
	record Posted(Long id, Long thread, boolean visible, String editKey, Duration editableFor) implements PostResult {
	}

	/**
	 * Its author's edit, stored: shown at once, or waiting for a moderator.
	 *
	 * @param thread the top-level comment of its thread
	 */
	record Edited(Long id, Long thread, boolean visible) implements PostResult {
	}

	/**
	 * Refused for the form's own rules ({@link CommentValidator}), which are in the
	 * form's errors; nothing stored.
	 */
	record Invalid() implements PostResult {
	}

	/** Too many comments from this client; try again after the given time. */
	record RateLimited(Duration retryAfter) implements PostResult {
	}

	/** Filled in by a robot (the honeypot field): acknowledged, not stored. */
	record Ignored() implements PostResult {
	}

}
