package dev.shimbun.comment;

/**
 * A moderation action that does not apply to the comment as it is (featuring a comment
 * readers cannot see); nothing is changed. The message key says why.
 */
class ModerationRefusedException extends RuntimeException {

	private final String messageKey;

	ModerationRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
