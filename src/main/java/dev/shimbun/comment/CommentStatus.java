package dev.shimbun.comment;

public enum CommentStatus {

	/** Shown to readers and counted. */
	VISIBLE,
	/** Waiting for a moderator. */
	PENDING,
	/** Taken down by a moderator. */
	HIDDEN

}
