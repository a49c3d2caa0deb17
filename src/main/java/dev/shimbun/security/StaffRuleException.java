package dev.shimbun.security;

/** A change that breaks a rule of staff accounts, reported next to a field. */
class StaffRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	StaffRuleException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
