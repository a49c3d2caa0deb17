package dev.shimbun.article;

/** How an article takes comments. */
public enum CommentMode {

	/** Post-moderation: a comment is visible at once. */
	OPEN,
	/** Pre-moderation: a comment waits for a moderator. */
	PREMODERATED,
	/** No new comments; the form is replaced by a notice. */
	CLOSED

}
