package dev.shimbun.comment;

public enum CommentStatus {

	/** Shown to readers and counted. */
	VISIBLE,
	/** Waiting for a moderator (pre-moderated article, suspect word, too many links). */
	PENDING,
	/** Hidden after reports from several readers, waiting for a moderator. */
	REPORTED,
	/** Taken down by a moderator. */
	HIDDEN,
	/**
	 * Taken back by its author within the edit window: kept for the moderators, never
	 * shown again.
	 */
	WITHDRAWN

}
