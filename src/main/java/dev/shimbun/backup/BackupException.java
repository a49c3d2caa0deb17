package dev.shimbun.backup;

/** A backup could not be taken; the message key tells the editor why. */
class BackupException extends RuntimeException {

	private final String messageKey;

	BackupException(String messageKey, String message, Throwable cause) {
		super(message, cause);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
