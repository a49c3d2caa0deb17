package dev.shimbun.comment;

import java.util.Locale;

/**
 * The moderators' queues. {@link #REPORTED} holds the comments hidden after reports and
 * the visible ones that readers reported, under the threshold, that nobody has reviewed
 * yet.
 */
public enum CommentQueue {

	/** Waiting for approval (pre-moderated article, suspect word, too many links). */
	PENDING,
	/** Reported by readers and not reviewed since. */
	REPORTED,
	/** Taken down by a moderator. */
	HIDDEN,
	/** Every comment. */
	ALL;

	/** From the {@code queue} request parameter; anything unknown is {@link #PENDING}. */
	public static CommentQueue parse(String value) {
		if (value != null) {
			for (CommentQueue queue : values()) {
				if (queue.parameter().equalsIgnoreCase(value.strip())) {
					return queue;
				}
			}
		}
		return PENDING;
	}

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}
